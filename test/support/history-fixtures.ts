import type { GatewayConnection } from "../../src/gateway/types";
import type { EventFrame, PendingRequest } from "../../src/protocol";

// What the history log's tests feed it: a pending request as the gateway sends it, and a
// connection whose events the test pushes by hand.

export function historyRequest(overrides: Partial<PendingRequest> = {}): PendingRequest {
  return {
    requestId: "r1",
    deviceId: "dev-1",
    publicKey: "key",
    displayName: "Ada's iPhone",
    role: "operator",
    roles: ["operator"],
    scopes: ["operator.read", "operator.write"],
    silent: false,
    isRepair: false,
    ts: 1000,
    ...overrides,
  };
}

export type EventSource = Pick<GatewayConnection, "onEvent">;

export function fakeEventSource() {
  const listeners = new Set<(event: EventFrame) => void>();
  const connection: EventSource = {
    onEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  const emit = (event: string, payload: unknown) =>
    listeners.forEach((listener) => listener({ type: "event", event, payload }));
  return { connection, emit, listeners };
}
