import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPairFeed, RECHECK_MS } from "../../../src/api/pair-events";
import { pairListQueryKey, pairListQueryOptions } from "../../../src/api/pair-list";
import type { PairOutcome } from "../../../src/api/pair-list-reducer";
import { EVENTS, METHODS, PAIRING_REQUEST_TTL_MS, type PairList } from "../../../src/protocol";
import { createFakeConnection, type FakeConnection } from "../../support/fake-connection";
import { pendingRequest as pending, T0 } from "../../support/pair-fixtures";

let connection: FakeConnection;
let queryClient: QueryClient;
let gatewayList: PairList;
let outcomes: PairOutcome[];
let stop: () => void;
let unobserve: () => void;
let clock: number;

beforeEach(async () => {
  vi.useFakeTimers();
  clock = T0;
  connection = createFakeConnection();
  gatewayList = { pending: [], paired: [] };
  connection.answer(METHODS.pairList, () => structuredClone(gatewayList));
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  outcomes = [];
  const feed = createPairFeed(connection, queryClient, () => clock);
  feed.subscribe((batch) => outcomes.push(...batch));
  stop = feed.start();
  // A mounted screen: the list has an observer, so invalidation refetches it.
  const observer = new QueryObserver(queryClient, pairListQueryOptions(connection));
  unobserve = observer.subscribe(() => {});
  await vi.advanceTimersByTimeAsync(0);
});

afterEach(() => {
  stop();
  unobserve();
  queryClient.clear();
  vi.useRealTimers();
});

const cached = () => queryClient.getQueryData<PairList>(pairListQueryKey);
const listCalls = () => connection.calls.filter((call) => call.method === METHODS.pairList).length;

describe("the pair feed", () => {
  it("coalesces a burst of a thousand events into one cache write", async () => {
    const writes = vi.spyOn(queryClient, "setQueryData");
    for (let i = 0; i < 1000; i += 1) connection.emit(EVENTS.pairRequested, pending(`r${i}`));
    expect(cached()?.pending).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(200);

    expect(cached()?.pending).toHaveLength(1000);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(outcomes.filter((o) => o.kind === "requested")).toHaveLength(1000);
  });

  it("drops malformed payloads and unrelated events", async () => {
    // A malformed pairing event makes the list re-read: the gateway holds the good one.
    gatewayList = { pending: [pending("ok")], paired: [] };
    connection.emit(EVENTS.pairRequested, { requestId: 42 });
    connection.emit("tick", { ts: 1 });
    connection.emit(EVENTS.pairRequested, pending("ok"));
    await vi.advanceTimersByTimeAsync(200);
    expect(cached()?.pending.map((r) => r.requestId)).toEqual(["ok"]);
    expect(connection.unreadableFrames).toBe(1);
  });

  it("re-reads the list on a sequence gap and on every hello", async () => {
    gatewayList = { pending: [pending("missed")], paired: [] };
    const before = listCalls();
    connection.resync("gap");
    await vi.advanceTimersByTimeAsync(0);
    expect(listCalls()).toBe(before + 1);
    expect(cached()?.pending.map((r) => r.requestId)).toEqual(["missed"]);

    gatewayList = { pending: [], paired: [] };
    connection.resync("hello");
    await vi.advanceTimersByTimeAsync(0);
    expect(cached()?.pending).toEqual([]);
  });

  it("re-reads the paired devices after any approval, once per burst", async () => {
    const before = listCalls();
    for (let i = 0; i < 50; i += 1) {
      connection.emit(EVENTS.pairResolved, {
        requestId: `silent-${i}`,
        deviceId: `d${i}`,
        decision: "approved",
        ts: T0,
      });
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(listCalls()).toBe(before + 1);
  });

  it("keeps a request the gateway still lists past five minutes, and asks again later", async () => {
    gatewayList = { pending: [pending("old", "d1")], paired: [] };
    connection.resync("hello");
    await vi.advanceTimersByTimeAsync(0);

    // The device asked again: the gateway keeps the request alive with its old ts, silently.
    clock = T0 + PAIRING_REQUEST_TTL_MS + 1;
    await vi.advanceTimersByTimeAsync(1000);
    expect(cached()?.pending.map((r) => r.requestId)).toEqual(["old"]);
    expect(outcomes.filter((o) => o.kind === "expired")).toEqual([]);

    // Not asked every second: only once RECHECK_MS has passed.
    const afterCheck = listCalls();
    clock += 5000;
    await vi.advanceTimersByTimeAsync(5000);
    expect(listCalls()).toBe(afterCheck);

    clock += RECHECK_MS;
    gatewayList = { pending: [], paired: [] };
    await vi.advanceTimersByTimeAsync(1000);
    expect(cached()?.pending).toEqual([]);
    expect(outcomes.filter((o) => o.kind === "expired")).toHaveLength(1);
  });

  it("re-reads the list once for a burst of device.pair.changed", async () => {
    const before = listCalls();
    gatewayList = {
      pending: [],
      paired: [
        {
          deviceId: "d1",
          publicKey: "k",
          roles: [],
          scopes: [],
          createdAtMs: T0,
          operatorLabel: "Desk",
        },
      ],
    };
    for (let i = 0; i < 20; i += 1) connection.emit(EVENTS.pairChanged, {});
    await vi.advanceTimersByTimeAsync(200);
    expect(listCalls()).toBe(before + 1);
    expect(cached()?.paired[0]?.operatorLabel).toBe("Desk");
    expect(connection.unreadableFrames).toBe(0);
  });

  it("publishes a rejection with the same device's next request as one supersede", async () => {
    gatewayList = { pending: [pending("r1", "d1")], paired: [] };
    connection.resync("hello");
    await vi.advanceTimersByTimeAsync(0);
    connection.emit(EVENTS.pairResolved, { requestId: "r1", deviceId: "d1", decision: "rejected" });
    // The next request comes in the batch after: still the same supersede.
    await vi.advanceTimersByTimeAsync(100);
    expect(outcomes).toEqual([]);
    connection.emit(EVENTS.pairRequested, pending("r2", "d1", { ts: T0 + 1 }));
    await vi.advanceTimersByTimeAsync(200);
    expect(outcomes.map((o) => o.kind)).toEqual(["superseded"]);
  });

  it("publishes a rejection that nothing followed once the next frame passed", async () => {
    gatewayList = { pending: [pending("r1", "d1")], paired: [] };
    connection.resync("hello");
    await vi.advanceTimersByTimeAsync(0);
    connection.emit(EVENTS.pairResolved, { requestId: "r1", deviceId: "d1", decision: "rejected" });
    await vi.advanceTimersByTimeAsync(400);
    expect(outcomes).toMatchObject([{ kind: "resolved", request: { requestId: "r1" } }]);
  });

  it("stops listening when stopped", async () => {
    stop();
    connection.emit(EVENTS.pairRequested, pending("late"));
    await vi.advanceTimersByTimeAsync(200);
    expect(cached()?.pending).toEqual([]);
  });
});
