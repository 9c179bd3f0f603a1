import type { ConnectionStatus, GatewayConnection } from "../../src/gateway/types";
import { buildEvent, type EventFrame } from "../../src/protocol";

// A GatewayConnection a test drives by hand: it decides what each request answers and
// pushes events and resyncs itself. For unit tests of the query layer; screens are tested
// against the mock gateway instead.

type Handler = (params: unknown) => unknown;

export type FakeConnection = GatewayConnection & {
  /** Answer `method` with this (a function receives the params; a thrown error is a refusal). */
  answer(method: string, handler: Handler): void;
  emit(event: string, payload: unknown): void;
  resync(why: "hello" | "gap"): void;
  setStatus(status: ConnectionStatus): void;
  calls: { method: string; params: unknown }[];
};

export function createFakeConnection(): FakeConnection {
  const handlers = new Map<string, Handler>();
  const events = new Set<(event: EventFrame) => void>();
  const resyncs = new Set<(why: "hello" | "gap") => void>();
  const statuses = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = { kind: "connected", url: "ws://fake", scopes: [] };
  let seq = 0;
  let unreadable = 0;
  const unreadableListeners = new Set<(count: number) => void>();
  const calls: { method: string; params: unknown }[] = [];
  const listen = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  return {
    calls,
    get status() {
      return status;
    },
    get scopes() {
      return status.kind === "connected" ? status.scopes : [];
    },
    async request<T>(method: string, params?: unknown): Promise<T> {
      calls.push({ method, params });
      const handler = handlers.get(method);
      if (!handler) throw new Error(`fake connection: no answer for ${method}`);
      return (await handler(params)) as T;
    },
    onEvent: (listener) => listen(events, listener),
    onResync: (listener) => listen(resyncs, listener),
    onStatus: (listener) => listen(statuses, listener),
    get unreadableFrames() {
      return unreadable;
    },
    onUnreadable: (listener) => listen(unreadableListeners, listener),
    reportUnreadable(count = 1) {
      unreadable += count;
      unreadableListeners.forEach((listener) => listener(unreadable));
    },
    connect() {},
    requestScopes() {},
    narrowScopes() {},
    extraScopes: [],
    disconnect() {},
    answer: (method, handler) => void handlers.set(method, handler),
    emit(event, payload) {
      seq += 1;
      events.forEach((listener) => listener(buildEvent(event, payload, seq)));
    },
    resync: (why) => resyncs.forEach((listener) => listener(why)),
    setStatus(next) {
      status = next;
      statuses.forEach((listener) => listener(next));
    },
  };
}
