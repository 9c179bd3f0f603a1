import { QueryClient } from "@tanstack/react-query";
import { version } from "../../package.json";
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
import { historyLoader, type HistoryLoader } from "./history-loader";

// Everything one app instance owns. Tests build a fresh set per test; main.tsx builds one.

export type AppDeps = {
  queryClient: QueryClient;
  connection: GatewayConnection;
  credentials: CredentialStore;
  connectionStore: ConnectionStore;
  /** Every pairing event seen and every action taken here, kept in IndexedDB; loaded on first use. */
  history: HistoryLoader;
  /** The clock for countdowns; tests may inject their own. */
  now: () => number;
};

export type AppOverrides = Partial<AppDeps> & {
  /** Passed to createGatewayConnection when no connection is given. */
  gateway?: Partial<GatewayConnectionDeps>;
};

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
  return {
    queryClient: overrides.queryClient ?? createQueryClient(),
    connection,
    credentials,
    connectionStore: overrides.connectionStore ?? createConnectionStore(connection.status),
    history:
      overrides.history ??
      historyLoader(async () => (await import("../api/history-store")).createHistoryStore({ now })),
    now,
  };
}
