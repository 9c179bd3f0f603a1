import "fake-indexeddb/auto";
import { QueryClient } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { startTestGateway, type TestGateway, type TestGatewayOptions } from "../../mocks/node";
import type { VirtualDeviceSpec } from "../../mocks/simulator/simulator";
import { createIndexedDbHistory } from "../../src/api/history-db";
import { createHistoryStore, type HistoryStore } from "../../src/api/history-store";
import { createPairFeed } from "../../src/api/pair-events";
import { AppProviders } from "../../src/app/AppProviders";
import { createApp, type AppDeps } from "../../src/app/create-app";
import { DevicesPage } from "../../src/features/devices/DevicesPage";
import { createCredentialStore } from "../../src/gateway/credential-store";
import {
  createDeviceIdentityLoader,
  createMemoryKeyStore,
} from "../../src/gateway/device-identity";
import type { GatewayConnection } from "../../src/gateway/types";
import { METHODS, OPERATOR_SCOPES, ROLES } from "../../src/protocol";

// The devices and history screens against the mock gateway, inside the app's own providers:
// a fresh gateway, query client (retry off), stores, history log (its own IndexedDB database)
// and connection per test, connected as the app would be.

export type DevicesApp = {
  harness: TestGateway;
  deps: AppDeps;
  history: HistoryStore;
  historyDbName: string;
  user: ReturnType<typeof userEvent.setup>;
  stop(): Promise<void>;
};

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (index: number) => [...map.keys()][index] ?? null,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

/** The real connection, claiming scopes its socket does not hold (to meet the gateway's refusal). */
export function claimingScopes(real: GatewayConnection, scopes: string[]): GatewayConnection {
  const claimed = Object.freeze([...scopes]);
  return Object.create(real, {
    scopes: { get: () => (real.status.kind === "connected" ? claimed : []) },
  }) as GatewayConnection;
}

let databases = 0;

export async function renderDevicesApp(
  options: {
    gateway?: TestGatewayOptions;
    path?: string;
    page?: ReactNode;
    /** Stage devices before the app connects. */
    before?: (harness: TestGateway) => Promise<void>;
    wrapConnection?: (real: GatewayConnection) => GatewayConnection;
  } = {},
): Promise<DevicesApp> {
  window.history.replaceState(null, "", options.path ?? "/devices");
  const harness = await startTestGateway(options.gateway);
  await options.before?.(harness);
  databases += 1;
  const historyDbName = `pairdesk-history-test-${Date.now()}-${databases}`;
  const history = createHistoryStore({ persistence: createIndexedDbHistory(historyDbName) });
  const deps = createApp({
    queryClient: new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    }),
    credentials: createCredentialStore({ session: memoryStorage(), local: memoryStorage() }),
    gateway: { loadIdentity: createDeviceIdentityLoader(createMemoryKeyStore()) },
    history,
  });
  if (options.wrapConnection) {
    deps.connection = options.wrapConnection(deps.connection);
    deps.pairFeed = createPairFeed(deps.connection, deps.queryClient, deps.now);
  }
  const user = userEvent.setup();
  const { unmount } = render(
    <AppProviders deps={deps}>{options.page ?? <DevicesPage />}</AppProviders>,
  );
  deps.connection.connect({
    url: harness.url,
    secret: harness.token,
    secretKind: "token",
    remember: false,
  });
  await screen.findAllByRole("heading", { level: 2 }, { timeout: 5000 });
  return {
    harness,
    deps,
    history,
    historyDbName,
    user,
    async stop() {
      unmount();
      deps.connection.disconnect();
      await history.flush();
      await harness.close();
    },
  };
}

const LOOPBACK = "127.0.0.1";

/** A device paired silently from loopback with the shared token (spec §5). */
export function loopbackDevice(
  label: string,
  overrides: Partial<VirtualDeviceSpec> & { displayName?: string } = {},
): VirtualDeviceSpec {
  const { displayName, ...rest } = overrides;
  return {
    label,
    client: {
      id: "node-host",
      mode: "backend",
      platform: "linux",
      displayName: displayName ?? label,
    },
    role: ROLES.operator,
    scopes: [OPERATOR_SCOPES.read],
    remoteAddress: LOOPBACK,
    headers: { host: "127.0.0.1:18789" },
    auth: "token",
    ...rest,
  };
}

/** Connects and hangs up: the device is paired and not connected. */
export async function pairSilently(harness: TestGateway, spec: VirtualDeviceSpec) {
  const result = await harness.simulator.connect(spec);
  if (result.outcome !== "hello") throw new Error(`${spec.label} did not pair: ${result.outcome}`);
  result.session?.close();
  return result;
}

/** A phone on the LAN: a pending new-device request. */
export async function askFromLan(harness: TestGateway, label: string, displayName: string) {
  const result = await harness.simulator.connect({
    label,
    client: {
      id: "openclaw-ios",
      mode: "ui",
      platform: "ios",
      deviceFamily: "iPhone",
      displayName,
    },
    role: ROLES.operator,
    scopes: [OPERATOR_SCOPES.read, OPERATOR_SCOPES.write],
    remoteAddress: "192.168.1.20",
    headers: { host: "192.168.1.10:18789" },
    auth: "token",
  });
  if (!result.requestId) throw new Error(`${label} left no pending request: ${result.outcome}`);
  return { deviceId: result.deviceId, requestId: result.requestId };
}

/**
 * Another admin (a CLI on loopback) on the same gateway. It holds operator.admin, as the real
 * `openclaw devices` CLI does: the gateway lets an approver grant only scopes it holds itself.
 */
export async function otherAdmin(harness: TestGateway) {
  const result = await harness.simulator.connect({
    label: "other-admin",
    client: { id: "cli", mode: "cli", platform: "linux" },
    role: ROLES.operator,
    scopes: [OPERATOR_SCOPES.read, OPERATOR_SCOPES.pairing, OPERATOR_SCOPES.admin],
    remoteAddress: LOOPBACK,
    auth: "token",
  });
  const session = result.session;
  if (!session) throw new Error(`the other admin could not connect: ${result.outcome}`);
  const call = async (method: string, params: Record<string, unknown>) => {
    const response = await session.request(method, params);
    if (!response.ok) throw new Error(`${method} refused: ${response.error.message}`);
    return response;
  };
  return {
    approve: (requestId: string) => call(METHODS.pairApprove, { requestId }),
    reject: (requestId: string) => call(METHODS.pairReject, { requestId }),
    remove: (deviceId: string) => call(METHODS.pairRemove, { deviceId }),
    rename: (deviceId: string, label: string) => call(METHODS.pairRename, { deviceId, label }),
    close: () => session.close(),
  };
}

/** The card (article) of the device whose heading is `name`. */
export function findDevice(name: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole("article", { name }, { timeout: 5000 });
}
