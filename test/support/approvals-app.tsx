import { QueryClient } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect } from "vitest";
import { startTestGateway, type TestGateway, type TestGatewayOptions } from "../../mocks/node";
import { App } from "../../src/app/App";
import { createApp, type AppDeps } from "../../src/app/create-app";
import { createCredentialStore } from "../../src/gateway/credential-store";
import {
  createDeviceIdentityLoader,
  createMemoryKeyStore,
} from "../../src/gateway/device-identity";
import type { GatewayConnectionDeps } from "../../src/gateway/gateway-connection";
import { METHODS, OPERATOR_SCOPES, ROLES } from "../../src/protocol";

// The approvals screen against the mock gateway: a fresh gateway, query client (retry off),
// stores and connection per test, connected the way a person would be.

export type ApprovalsApp = {
  harness: TestGateway;
  deps: AppDeps;
  user: ReturnType<typeof userEvent.setup>;
  unmount: () => void;
  /** App and gateway clocks run with real time plus `offsetMs`; tests move it to reach expiry. */
  clock: { offsetMs: number };
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

export async function renderApprovalsApp(
  options: {
    gateway?: TestGatewayOptions;
    path?: string;
    connection?: Partial<GatewayConnectionDeps>;
    /** Reuse a running gateway (e.g. to open a second app, or a reload, against it). */
    harness?: TestGateway;
  } = {},
): Promise<ApprovalsApp> {
  window.history.replaceState(null, "", options.path ?? "/");
  const clock = { offsetMs: 0 };
  // One clock for the app and the gateway, so request timestamps and countdowns agree.
  const now = () => Date.now() + clock.offsetMs;
  const harness = options.harness ?? (await startTestGateway({ now, ...options.gateway }));
  const deps = createApp({
    queryClient: new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    }),
    credentials: createCredentialStore({ session: memoryStorage(), local: memoryStorage() }),
    now,
    gateway: {
      loadIdentity: createDeviceIdentityLoader(createMemoryKeyStore()),
      // Quick reconnects keep the resync tests short.
      reconnect: { initialMs: 20, multiplier: 1, maxMs: 20 },
      ...options.connection,
    },
  });
  const user = userEvent.setup();
  const { unmount } = render(<App deps={deps} />);
  deps.connection.connect({
    url: harness.url,
    secret: harness.token,
    secretKind: "token",
    remember: false,
  });
  await screen.findByRole("heading", { name: /pending requests/i }, { timeout: 5000 });
  return { harness, deps, user, clock, unmount };
}

/** The request card whose heading is `name`. */
export async function findRequest(name: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole("article", { name }, { timeout: 5000 });
}

export function requestNames(): string[] {
  const list = screen.queryByRole("list", { name: "Pending requests" });
  if (!list) return [];
  return within(list)
    .queryAllByRole("article")
    .map((article) => within(article).getByRole("heading").textContent ?? "");
}

/**
 * Another admin (a CLI on loopback holding operator.admin, so it may grant anything) acting on
 * the same gateway.
 */
export async function otherAdmin(harness: TestGateway) {
  const result = await harness.simulator.connect({
    label: "other-admin",
    client: { id: "cli", mode: "cli", platform: "linux" },
    role: ROLES.operator,
    scopes: [OPERATOR_SCOPES.read, OPERATOR_SCOPES.pairing, OPERATOR_SCOPES.admin],
    remoteAddress: "127.0.0.1",
    auth: "token",
  });
  const session = result.session;
  if (!session) throw new Error(`the other admin could not connect: ${result.outcome}`);
  return {
    approve: (requestId: string) => session.request(METHODS.pairApprove, { requestId }),
    reject: (requestId: string) => session.request(METHODS.pairReject, { requestId }),
    rename: (deviceId: string, label: string) =>
      session.request(METHODS.pairRename, { deviceId, label }),
    close: () => session.close(),
  };
}

/**
 * Goes through the elevation dialog an approval opened: checks it names `scopes` as missing,
 * reconnects with them, and waits until this session holds them. The approval itself is the
 * caller's next click.
 */
export async function reconnectWith(app: ApprovalsApp, scopes: string): Promise<void> {
  const dialog = await screen.findByRole("dialog", { name: /^Reconnect to approve/ });
  expect(dialog).toHaveTextContent(
    "The gateway only lets you grant scopes you hold. This session holds operator.read, operator.pairing;",
  );
  expect(dialog).toHaveTextContent(`approving needs ${scopes}.`);
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

/** The requestId a scenario's last connect left pending. */
export function lastRequestId(results: { requestId?: string }[]): string {
  const id = results.at(-1)?.requestId;
  if (!id) throw new Error("the scenario left no pending request");
  return id;
}
