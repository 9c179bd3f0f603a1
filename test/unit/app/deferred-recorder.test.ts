import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryHistory } from "../../../src/api/history-db";
import { createHistoryStore, type HistoryStore } from "../../../src/api/history-store";
import { deferHistoryRecorder, KEEP_AT_MOST_MS } from "../../../src/app/deferred-recorder";
import { historyLoader } from "../../../src/app/history-loader";
import { EVENTS, type PendingRequest } from "../../../src/protocol";
import { fakeEventSource, historyRequest } from "../../support/history-fixtures";

// The history log's code loads after the first screen; events that came before must end up in
// the log exactly as if it had been listening all along.

function setup(options: { lookupPending?: (id: string) => PendingRequest | undefined } = {}) {
  const { connection, emit, listeners } = fakeEventSource();
  let store: HistoryStore | undefined;
  const loads = vi.fn(async () => {
    store = createHistoryStore({ persistence: createMemoryHistory() });
    await store.ready;
    return store;
  });
  const recorder = deferHistoryRecorder(connection, historyLoader(loads), options);
  /** Resolves once the log holds `count` entries. */
  const entries = async (count: number) => {
    await vi.waitFor(() => expect(store?.getEntries()).toHaveLength(count));
    return store?.getEntries() ?? [];
  };
  const requested = (overrides?: Partial<PendingRequest>) =>
    emit(EVENTS.pairRequested, historyRequest(overrides));
  const rejected = (requestId: string, deviceId = "dev-1") =>
    emit(EVENTS.pairResolved, { requestId, deviceId, decision: "rejected", ts: 2000 });
  return { recorder, loads, listeners, entries, requested, rejected };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("history recorder loaded after the first screen", () => {
  it("loads nothing until started, then records the kept events in order, then live ones", async () => {
    const app = setup();
    app.requested({ requestId: "r1" });
    app.requested({ requestId: "r2", deviceId: "dev-2" });
    expect(app.loads).not.toHaveBeenCalled();

    app.recorder.start();
    await app.entries(2);
    app.requested({ requestId: "r3", deviceId: "dev-3" });
    const entries = await app.entries(3);
    expect(entries.map((entry) => entry.requestId)).toEqual(["r3", "r2", "r1"]);
    expect(app.loads).toHaveBeenCalledTimes(1);
    app.recorder.stop();
  });

  it("keeps what the list said about a request when its decision arrived", async () => {
    // The list drops a decided request soon after: by the time the log loads it is gone.
    const listed = new Map([["r1", historyRequest()]]);
    const app = setup({ lookupPending: (id) => listed.get(id) });
    app.rejected("r1");
    listed.clear();

    app.recorder.start();
    const [entry] = await app.entries(1);
    expect(entry).toMatchObject({
      kind: "rejected",
      deviceName: "Ada's iPhone",
      scopesAsked: ["operator.read", "operator.write"],
      decidedBy: "another-admin",
    });
    app.recorder.stop();
  });

  it.each([
    ["a new request 1 s after a rejection is the gateway's supersede", 1000, "superseded"],
    ["one 6 s after it is a new ask after an admin's rejection", 6000, "rejected"],
  ])("judges by arrival time: %s", async (_name, gapMs, kind) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(50_000);
    const listed = new Map([["r1", historyRequest()]]);
    const app = setup({ lookupPending: (id) => listed.get(id) });
    app.rejected("r1");
    vi.setSystemTime(50_000 + gapMs);
    app.requested({ requestId: "r2" });

    // Both are replayed at the same instant, well after they arrived.
    vi.setSystemTime(60_000);
    app.recorder.start();
    const entries = await app.entries(2);
    expect(entries.find((entry) => entry.requestId === "r1")?.kind).toBe(kind);
    app.recorder.stop();
  });

  it("records nothing and stops listening when stopped before the code arrives", async () => {
    const app = setup();
    app.requested({ requestId: "r1" });
    app.recorder.start();
    app.recorder.stop();
    expect(app.listeners.size).toBe(0);
    const store: HistoryStore = await app.loads.mock.results[0]?.value;
    // Long enough for the recorder's code to arrive and (wrongly) replay what was kept.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getEntries()).toEqual([]);
  });

  it("starts by itself when kept events would otherwise wait too long", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const app = setup();
    app.requested();
    vi.advanceTimersByTime(KEEP_AT_MOST_MS - 1);
    expect(app.loads).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(app.loads).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    await app.entries(1);
    app.recorder.stop();
  });
});
