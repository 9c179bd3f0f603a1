import "fake-indexeddb/auto";
import { QueryClient } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { expect, onTestFinished } from "vitest";
import { startTestGateway, type TestGateway, type TestGatewayOptions } from "../../mocks/node";
import type { VirtualDeviceSpec } from "../../mocks/simulator/simulator";
import { createIndexedDbHistory } from "../../src/api/history-db";
import { createHistoryStore } from "../../src/api/history-store";
import { createPairFeed } from "../../src/api/pair-events";
import { App } from "../../src/app/App";
import { AppProviders } from "../../src/app/AppProviders";
import { createApp, startApp, type AppDeps, type AppOverrides } from "../../src/app/create-app";
import { DevicesPage } from "../../src/features/devices/DevicesPage";
import { createCredentialStore } from "../../src/gateway/credential-store";
import {
  createDeviceIdentityLoader,
  createMemoryKeyStore,
} from "../../src/gateway/device-identity";
import type { GatewayConnection } from "../../src/gateway/types";
import { METHODS, OPERATOR_SCOPES, ROLES } from "../../src/protocol";

// The one render harness of the integration tests: the app (or one screen inside the app's own
// providers) against the mock gateway, with a fresh gateway, query client (retry off), stores,
// history log and connection per test. Whatever it starts is stopped when the test finishes.

export type AppUnderTest = {
  deps: AppDeps;
  user: ReturnType<typeof userEvent.setup>;
  unmount: () => void;
};

export type ConnectedApp = AppUnderTest & {
  harness: TestGateway;
  /** The history database of this test (its own IndexedDB name). */
  historyDbName: string;
  /** App and gateway clocks run with real time plus `offsetMs`; tests move it to reach expiry. */
  clock: { offsetMs: number };
};

/** A mock gateway that closes when the test finishes. */
export async function startGateway(options?: TestGatewayOptions): Promise<TestGateway> {
  const harness = await startTestGateway(options);
  onTestFinished(() => harness.close());
  return harness;
}

export function memoryStorage() {
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

let databases = 0;

/** The whole app at `path` (or `page` inside its providers), not connected. */
export function mountApp(
  options: {
    path?: string;
    page?: ReactNode;
    overrides?: AppOverrides;
    wrapConnection?: (real: GatewayConnection) => GatewayConnection;
  } = {},
): AppUnderTest & { historyDbName: string } {
  if (options.path) window.history.replaceState(null, "", options.path);
  databases += 1;
  const historyDbName = `pairdesk-history-test-${Date.now()}-${databases}`;
  const { overrides = {} } = options;
  const deps = createApp({
    queryClient: new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    }),
    history: createHistoryStore({
      persistence: createIndexedDbHistory(historyDbName),
      now: overrides.now,
    }),
    ...overrides,
    gateway: {
      reconnect: { initialMs: 2000, multiplier: 1.7, maxMs: 15_000 },
      ...overrides.gateway,
    },
  });
  if (options.wrapConnection) {
    deps.connection = options.wrapConnection(deps.connection);
    deps.pairFeed = createPairFeed(deps.connection, deps.queryClient, deps.now);
  }
  const user = userEvent.setup();
  const tree = options.page ? (
    <AppProviders deps={deps}>{options.page}</AppProviders>
  ) : (
    <App deps={deps} />
  );
  const stop = startApp(deps);
  const rendered = render(tree);
  const unmount = () => {
    rendered.unmount();
    stop();
  };
  onTestFinished(async () => {
    stop();
    deps.connection.disconnect();
    await deps.history.flush();
  });
  return { deps, user, unmount, historyDbName };
}

/** The app connected to a mock gateway (a fresh one unless `harness` is given) as a person would be. */
export async function connectApp(
  options: {
    gateway?: TestGatewayOptions;
    harness?: TestGateway;
    path?: string;
    page?: ReactNode;
    connection?: AppOverrides["gateway"];
    /** Stage devices before the app connects. */
    before?: (harness: TestGateway) => Promise<void>;
    wrapConnection?: (real: GatewayConnection) => GatewayConnection;
  } = {},
): Promise<ConnectedApp> {
  const clock = { offsetMs: 0 };
  // One clock for the app and the gateway, so request timestamps and countdowns agree.
  const now = () => Date.now() + clock.offsetMs;
  const harness = options.harness ?? (await startGateway({ now, ...options.gateway }));
  await options.before?.(harness);
  const app = mountApp({
    path: options.path,
    page: options.page,
    wrapConnection: options.wrapConnection,
    overrides: {
      now,
      credentials: createCredentialStore({ session: memoryStorage(), local: memoryStorage() }),
      gateway: {
        loadIdentity: createDeviceIdentityLoader(createMemoryKeyStore()),
        // Quick reconnects keep the resync tests short.
        reconnect: { initialMs: 20, multiplier: 1, maxMs: 20 },
        ...options.connection,
      },
    },
  });
  app.deps.connection.connect({
    url: harness.url,
    secret: harness.token,
    secretKind: "token",
    remember: false,
  });
  await waitFor(
    () => {
      expect(app.deps.connection.status.kind).toBe("connected");
      expect(screen.queryByRole("heading", { name: "Connect to a gateway" })).toBeNull();
    },
    { timeout: 5000 },
  );
  return { ...app, harness, clock };
}

/** The devices screen inside the app's providers, connected (at `/devices` unless `path` says). */
export function connectDevicesScreen(options: Parameters<typeof connectApp>[0] = {}) {
  return connectApp({ path: "/devices", page: <DevicesPage />, ...options });
}

/** The whole app on a clean page, not connected, with the browser's own storages. */
export function openApp(overrides: AppOverrides = {}) {
  return mountApp({ overrides });
}

/** The real connection, claiming scopes its socket does not hold (to meet the gateway's refusal). */
export function claimingScopes(real: GatewayConnection, scopes: string[]): GatewayConnection {
  const claimed = Object.freeze([...scopes]);
  return Object.create(real, {
    scopes: { get: () => (real.status.kind === "connected" ? claimed : []) },
  }) as GatewayConnection;
}

/** Fills in the connect form and submits it. */
export async function connectWith(
  user: ReturnType<typeof userEvent.setup>,
  fields: { url?: string; token: string; remember?: boolean },
): Promise<void> {
  if (fields.url) {
    const url = screen.getByLabelText("Gateway URL");
    await user.clear(url);
    await user.type(url, fields.url);
  }
  if (fields.token) await user.type(screen.getByLabelText("Token"), fields.token);
  if (fields.remember)
    await user.click(screen.getByRole("checkbox", { name: "Remember on this device" }));
  await user.click(screen.getByRole("button", { name: "Connect" }));
}

export function connectionStatus(): HTMLElement {
  return screen.getByRole("status", { name: "Connection" });
}

/** The request card whose heading is `name`. */
export async function findRequest(name: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole("article", { name }, { timeout: 5000 });
}

/** The device card whose heading is `name`. */
export function findDevice(name: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole("article", { name }, { timeout: 5000 });
}

export function requestNames(): string[] {
  const list = screen.queryByRole("list", { name: "Pending requests" });
  if (!list) return [];
  return within(list)
    .queryAllByRole("article")
    .map((article) => within(article).getByRole("heading").textContent ?? "");
}

/** The requestId a scenario's last connect left pending. */
export function lastRequestId(results: { requestId?: string }[]): string {
  const id = results.at(-1)?.requestId;
  if (!id) throw new Error("the scenario left no pending request");
  return id;
}

const LOOPBACK = "127.0.0.1";

/**
 * Another admin on the same gateway: a CLI on loopback holding operator.admin, as the real
 * `openclaw devices` CLI does (an approver grants only scopes it holds). It leaves when the
 * test finishes; a refused call throws.
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
  onTestFinished(() => session.close());
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

/**
 * Goes through the elevation dialog an approval opened: checks it names `scopes` as missing,
 * reconnects with them, and waits until this session holds them. The approval itself is the
 * caller's next click.
 */
export async function reconnectWith(app: ConnectedApp, scopes: string): Promise<void> {
  const dialog = await screen.findByRole("dialog", { name: /^Reconnect to / });
  expect(dialog).toHaveTextContent(
    `The gateway only lets a session do this with scopes it holds. This session holds operator.read, operator.pairing; it needs ${scopes}.`,
  );
  // What widening leaves behind is said before it happens.
  expect(dialog).toHaveTextContent(`The gateway keeps ${scopes} on this browser's device record`);
  await app.user.click(within(dialog).getByRole("button", { name: `Reconnect with ${scopes}` }));
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  const wanted = scopes.split(", ");
  await waitFor(
    () => {
      const status = app.deps.connection.status;
      expect(status.kind === "connected" ? status.scopes : []).toEqual(
        expect.arrayContaining(wanted),
      );
    },
    { timeout: 5000 },
  );
  // The header says which scopes this session now holds.
  expect(screen.getByRole("status", { name: "Connection" })).toHaveTextContent(
    `with operator.read, operator.pairing, ${scopes}`,
  );
}

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
