import { createMockGateway } from "../../mocks/core/gateway";
import { createMemoryStateStore, type MemoryStateStore } from "../../mocks/core/memory-store";
import type {
  ConnectionFacts,
  GatewayConfig,
  MockGateway,
  StateStore,
} from "../../mocks/core/types";
import {
  connectDevice,
  type ClientTransport,
  type DeviceConnectOptions,
  type DeviceConnectOutcome,
} from "../../mocks/simulator/device-client";
import { createDeviceIdentity, type DeviceIdentity } from "../../mocks/simulator/device-identity";
import { openInProcessTransport } from "../../mocks/simulator/in-process-transport";
import { assertValidServerFrame } from "./frame-schemas";

// Drives the mock core through simulated devices over the in-process transport. Every frame
// the gateway sends is checked against the protocol schemas; failures are collected here.

export const TOKEN = "T-shared-secret";
export const LOOPBACK: ConnectionFacts = {
  remoteAddress: "127.0.0.1",
  headers: { host: "127.0.0.1:18789" },
};
export const BROWSER_ORIGIN = "http://localhost:5173";

export function withOrigin(facts: ConnectionFacts, origin: string): ConnectionFacts {
  return { ...facts, headers: { ...facts.headers, origin } };
}

const schemaErrors: string[] = [];

export function takeSchemaErrors(): string[] {
  return schemaErrors.splice(0);
}

export function inspectFrame(text: string): void {
  try {
    assertValidServerFrame(text);
  } catch (error) {
    schemaErrors.push(String(error));
  }
}

export type TestClock = { now: () => number; advance(ms: number): void };

export function createClock(start = 1_700_000_000_000): TestClock {
  let current = start;
  return { now: () => current, advance: (ms) => void (current += ms) };
}

export type Harness = { gateway: MockGateway; store: MemoryStateStore; clock: TestClock };

export async function startGateway(
  config: Partial<GatewayConfig> = {},
  store: StateStore = createMemoryStateStore(),
  clock: TestClock = createClock(),
): Promise<Harness & { gateway: MockGateway }> {
  const gateway = await createMockGateway({
    config: { auth: { mode: "token", token: TOKEN }, ...config },
    store,
    now: clock.now,
  });
  return { gateway, store: store as MemoryStateStore, clock };
}

export function openTransport(
  gateway: MockGateway,
  facts: ConnectionFacts = LOOPBACK,
): Promise<ClientTransport> {
  return openInProcessTransport(gateway, facts, { onServerFrame: inspectFrame });
}

export type DeviceSpec = Partial<Omit<DeviceConnectOptions, "identity">> & {
  identity?: DeviceIdentity;
  facts?: ConnectionFacts;
};

export const NODE_HOST = { id: "node-host", mode: "node", platform: "linux" };
export const CONTROL_UI = { id: "openclaw-control-ui", mode: "webchat", platform: "web" };

/** Connects one simulated device (node-host with the shared token on loopback by default). */
export async function connect(
  gateway: MockGateway,
  spec: DeviceSpec = {},
): Promise<DeviceConnectOutcome & { identity: DeviceIdentity }> {
  const identity = spec.identity ?? (await createDeviceIdentity());
  const transport = await openTransport(gateway, spec.facts ?? LOOPBACK);
  const outcome = await connectDevice(transport, {
    client: NODE_HOST,
    role: "operator",
    scopes: ["operator.read"],
    auth: { token: TOKEN },
    closeWaitMs: 200,
    ...spec,
    identity,
  });
  return { ...outcome, identity };
}

/** Connects and insists on hello-ok. */
export async function connectHello(gateway: MockGateway, spec: DeviceSpec = {}) {
  const outcome = await connect(gateway, spec);
  if (outcome.kind !== "hello")
    throw new Error(`expected hello-ok, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** A Control UI session holding operator.read + operator.pairing (silently paired on localhost). */
export function connectAdminUi(
  gateway: MockGateway,
  scopes = ["operator.read", "operator.pairing"],
) {
  return connectHello(gateway, {
    client: CONTROL_UI,
    scopes,
    facts: withOrigin(
      { remoteAddress: "127.0.0.1", headers: { host: "localhost:18789" } },
      BROWSER_ORIGIN,
    ),
  });
}

/** Lets queued in-process deliveries run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}
