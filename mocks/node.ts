import { setupServer, type SetupServerApi } from "msw/node";
import { DEFAULT_GATEWAY_URL } from "../src/protocol";
import { createMockGateway } from "./core/gateway";
import { createMemoryStore } from "./core/memory-store";
import type { GatewayConfig, MockGateway, PersistedState } from "./core/types";
import { createGatewayHandlers } from "./handlers";
import { createSimulator, type Simulator } from "./simulator/simulator";

// The test harness: the mock core behind msw's setupServer, so the app under test (vitest +
// jsdom) reaches it with a plain `new WebSocket(url)`. One test gateway at a time per test
// file: msw's WebSocket interception is process-wide.
//
// One setupServer per process, listened once and never closed: in msw 2.9 the WebSocket
// interceptor is a module singleton, and after any `server.close()` a later `listen()` no
// longer intercepts sockets (its connection listener is added while the interceptor is still
// disposed). So each test gateway swaps the handlers in, and close() swaps in a stopped one.

export type TestGatewayOptions = {
  config?: Partial<GatewayConfig>;
  /** Default DEFAULT_GATEWAY_URL. */
  url?: string;
  initialState?: PersistedState;
  now?: () => number;
  /** The page's Origin; default jsdom's `location.origin` (none in a node environment). */
  pageOrigin?: string;
};

export type TestGateway = {
  url: string;
  /** The shared token (default "test-token"); with password auth, still what the simulator is told. */
  token: string;
  gateway: MockGateway;
  simulator: Simulator;
  /** Shared by every test gateway in this test file; `server.use` overrides last until the next start. */
  server: SetupServerApi;
  close(): Promise<void>;
};

export const TEST_TOKEN = "test-token";

const STOPPED_GATEWAY: Pick<MockGateway, "accept"> = {
  accept: () => ({ refused: { status: 403, reason: "test gateway closed" } }),
};

let shared: SetupServerApi | undefined;

function sharedServer(): SetupServerApi {
  if (!shared) {
    shared = setupServer();
    // "error": a socket or request the test did not mean to open fails loudly.
    shared.listen({ onUnhandledRequest: "error" });
  }
  return shared;
}

export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const url = options.url ?? DEFAULT_GATEWAY_URL;
  const config: GatewayConfig = {
    auth: { mode: "token", token: TEST_TOKEN },
    ...options.config,
  };
  const token = config.auth.mode === "token" ? config.auth.token : TEST_TOKEN;
  const password = config.auth.mode === "password" ? config.auth.password : undefined;

  const gateway = await createMockGateway({
    config,
    store: createMemoryStore(options.initialState),
    ...(options.now ? { now: options.now } : {}),
  });
  const pageOrigin = () => options.pageOrigin ?? globalThis.location?.origin;
  const server = sharedServer();
  // Replaces the previous gateway's handlers and any test's `server.use` overrides.
  server.resetHandlers(...createGatewayHandlers(gateway, { urls: [url], pageOrigin }));

  let closed = false;
  return {
    url,
    token,
    gateway,
    simulator: createSimulator(gateway, { token, ...(password ? { password } : {}) }),
    server,
    async close() {
      if (closed) return;
      closed = true;
      // Sockets already open stay with this core until the page closes them. A new socket
      // (say, a reconnect timer of a page not yet unmounted) meets a stopped gateway: it fails
      // like an unreachable one instead of reaching a core whose test is over.
      server.resetHandlers(...createGatewayHandlers(STOPPED_GATEWAY, { urls: [url], pageOrigin }));
      await gateway.flush();
    },
  };
}
