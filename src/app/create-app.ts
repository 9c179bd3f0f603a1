import { QueryClient } from "@tanstack/react-query";
import { version } from "../../package.json";
import { startHistoryRecorder } from "../api/history-recorder";
import { createHistoryStore, type HistoryStore } from "../api/history-store";
import { createPairFeed, type PairFeed } from "../api/pair-events";
import {
  browserStorages,
  createCredentialStore,
  type CredentialStore,
} from "../gateway/credential-store";
import { createDeviceIdentityLoader, createMemoryKeyStore } from "../gateway/device-identity";
import { createGatewayConnection, type GatewayConnectionDeps } from "../gateway/gateway-connection";
import { createIndexedDbKeyStore } from "../gateway/indexeddb-key-store";
import type { GatewayConnection } from "../gateway/types";
import { createConnectionStore, type ConnectionStore } from "../stores/connection-store";

// Everything one app instance owns. Tests build a fresh set per test; main.tsx builds one.

export type AppDeps = {
  queryClient: QueryClient;
  connection: GatewayConnection;
  credentials: CredentialStore;
  connectionStore: ConnectionStore;
  pairFeed: PairFeed;
  history: HistoryStore;
  now: () => number;
};

export type AppOverrides = Partial<AppDeps> & { gateway?: Partial<GatewayConnectionDeps> };

export const APP_VERSION: string = version;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The socket pushes changes and a resync refetches, so focus refetches add nothing.
        refetchOnWindowFocus: false,
        retry: 1,
      },
      mutations: { retry: false },
    },
  });
}

export function createApp(overrides: AppOverrides = {}): AppDeps {
  const now = overrides.now ?? (() => Date.now());
  const credentials = overrides.credentials ?? createCredentialStore(browserStorages());
  const connection =
    overrides.connection ??
    createGatewayConnection({
      credentials,
      loadIdentity: createDeviceIdentityLoader(
        // Without IndexedDB (some private modes) the identity lasts only this page: the browser
        // would need pairing again after a reload, which beats not connecting at all.
        globalThis.indexedDB ? createIndexedDbKeyStore() : createMemoryKeyStore(),
      ),
      appVersion: APP_VERSION,
      now,
      ...overrides.gateway,
    });
  const queryClient = overrides.queryClient ?? createQueryClient();
  return {
    queryClient,
    connection,
    credentials,
    connectionStore: overrides.connectionStore ?? createConnectionStore(connection.status),
    pairFeed: overrides.pairFeed ?? createPairFeed(connection, queryClient, now),
    history: overrides.history ?? createHistoryStore({ now }),
    now,
  };
}

/**
 * Starts what runs beside the screens: the pairing feed and the history recorder, the bridge
 * from the connection to the stores, and a saved session's reconnect. main.tsx calls it before
 * React has loaded, so the socket opens and the list is read while the screens download.
 */
export function startApp(deps: AppDeps): () => void {
  const { connection, connectionStore, queryClient, pairFeed, history } = deps;
  const stopRecorder = startHistoryRecorder(pairFeed, history, queryClient);
  const stopFeed = pairFeed.start();
  const { statusChanged } = connectionStore.getState().actions;
  statusChanged(connection.status);
  const stopStatus = connection.onStatus((status) => {
    // A new gateway, a refusal or a disconnect: data from before must not stay on screen.
    if (["connecting", "failed", "disconnected"].includes(status.kind)) queryClient.clear();
    statusChanged(status);
  });
  resumeSavedConnection(deps);
  return () => {
    stopStatus();
    stopFeed();
    stopRecorder();
  };
}

/** Reload within a session, or a remembered gateway: pick up where the person left off. */
function resumeSavedConnection({ connection, credentials }: AppDeps): void {
  const saved = credentials.load();
  if (saved?.autoConnect && connection.status.kind === "idle") {
    const { autoConnect: _autoConnect, ...settings } = saved;
    connection.connect(settings);
  }
}
