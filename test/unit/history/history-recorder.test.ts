import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { createMemoryHistory } from "../../../src/api/history-db";
import { startHistoryRecorder } from "../../../src/api/history-recorder";
import { createHistoryStore } from "../../../src/api/history-store";
import type { OutcomeListener, PairFeed } from "../../../src/api/pair-events";
import { pairListQueryKey } from "../../../src/api/pair-list";
import type { PairOutcome } from "../../../src/api/pair-list-reducer";
import type { PairedDevice, PairList } from "../../../src/protocol";
import { historyRequest } from "../../support/history-fixtures";
import { pairedDevice } from "../../support/pair-fixtures";

// The log writes down what the pairing feed decided: who decided, what was asked, and a name.

async function setup(paired: PairedDevice[] = []) {
  const store = createHistoryStore({ persistence: createMemoryHistory() });
  await store.ready;
  const queryClient = new QueryClient();
  queryClient.setQueryData<PairList>(pairListQueryKey, { pending: [], paired });
  const listeners = new Set<OutcomeListener>();
  const feed: PairFeed = {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => () => undefined,
  };
  const stop = startHistoryRecorder(feed, store, queryClient);
  const publish = (...outcomes: PairOutcome[]) => listeners.forEach((l) => l(outcomes));
  return { store, stop, publish, queryClient };
}

function resolved(decision: string, request = historyRequest(), decidedHere = false): PairOutcome {
  const { requestId, deviceId } = request;
  return {
    kind: "resolved",
    resolved: { requestId, deviceId, decision, ts: 2000 },
    request,
    decidedHere,
  };
}

describe("history recorder: who decided", () => {
  it.each([
    ["this browser", resolved("approved", historyRequest(), true), "this-browser"],
    ["another admin", resolved("approved"), "another-admin"],
    [
      "automatically, for a silent request",
      resolved("approved", historyRequest({ silent: true })),
      "automatic",
    ],
  ] as const)("%s", async (_name, outcome, decidedBy) => {
    const { store, publish } = await setup();
    publish(outcome);
    expect(store.getEntries()[0]).toMatchObject({
      kind: "approved",
      requestId: "r1",
      decidedBy,
      at: 2000,
    });
  });

  it("records a rejection with what was asked and nothing granted", async () => {
    const { store, publish } = await setup();
    publish(resolved("rejected"));
    expect(store.getEntries()[0]).toMatchObject({
      kind: "rejected",
      decidedBy: "another-admin",
      deviceName: "Ada's iPhone",
      scopesAsked: ["operator.read", "operator.write"],
      scopesDecided: [],
    });
  });
});

describe("history recorder: what it writes", () => {
  it("records a request, and a supersede as the old request replaced and the new one asked", async () => {
    const { store, publish } = await setup();
    const first = historyRequest();
    const next = historyRequest({ requestId: "r2", scopes: ["operator.admin"] });
    publish({ kind: "requested", request: first });
    publish({ kind: "superseded", previous: first, next });
    expect(store.getEntries().map((entry) => [entry.kind, entry.requestId])).toEqual([
      ["requested", "r2"],
      ["superseded", "r1"],
      ["requested", "r1"],
    ]);
    expect(store.getEntries()[1]).toMatchObject({
      decidedBy: "automatic",
      note: "Replaced by request r2",
    });
  });

  it("names a request by its device's label", async () => {
    const { store, publish } = await setup([pairedDevice("dev-1", { operatorLabel: "Desk" })]);
    publish({ kind: "requested", request: historyRequest() });
    expect(store.getEntries()[0]?.deviceName).toBe("Desk");
  });

  it("stops recording once stopped", async () => {
    const { store, stop, publish } = await setup();
    stop();
    publish({ kind: "requested", request: historyRequest() });
    expect(store.getEntries()).toEqual([]);
  });
});

describe("history recorder: silent approvals", () => {
  const silent = (deviceId: string): PairOutcome => ({
    kind: "resolved",
    resolved: { requestId: `silent-${deviceId}`, deviceId, decision: "approved", ts: 2000 },
    request: undefined,
    decidedHere: false,
  });

  it("names a silent approval from the device's paired record, once the list has it", async () => {
    const { store, publish, queryClient } = await setup();
    publish(silent("dev-cron"));
    expect(store.getEntries()[0]).toMatchObject({ decidedBy: "automatic", deviceName: undefined });

    const cron = pairedDevice("dev-cron", { clientId: "node-host", clientMode: "backend" });
    queryClient.setQueryData<PairList>(pairListQueryKey, { pending: [], paired: [cron] });
    expect(store.getEntries()[0]).toMatchObject({ deviceName: "node host (cron scheduler)" });

    // A device the list already holds is named at once.
    const tui = pairedDevice("dev-tui", { displayName: "Ops terminal" });
    queryClient.setQueryData<PairList>(pairListQueryKey, { pending: [], paired: [cron, tui] });
    publish(silent("dev-tui"));
    expect(store.getEntries()[0]).toMatchObject({ deviceName: "Ops terminal" });
  });
});
