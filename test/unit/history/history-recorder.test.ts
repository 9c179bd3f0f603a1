import { describe, expect, it } from "vitest";
import { createMemoryHistory } from "../../../src/api/history-db";
import {
  startHistoryRecorder,
  type HistoryRecorderOptions,
} from "../../../src/api/history-recorder";
import { createHistoryStore } from "../../../src/api/history-store";
import { EVENTS, type PairedDevice, type PendingRequest } from "../../../src/protocol";
import { fakeEventSource, historyRequest } from "../../support/history-fixtures";

async function setup(options: HistoryRecorderOptions = {}) {
  const store = createHistoryStore({ persistence: createMemoryHistory() });
  await store.ready;
  const { connection, emit } = fakeEventSource();
  const stop = startHistoryRecorder(connection, store, options);
  const requested = (overrides?: Partial<PendingRequest>) =>
    emit(EVENTS.pairRequested, historyRequest(overrides));
  const resolved = (requestId: string, decision: string, deviceId = "dev-1") =>
    emit(EVENTS.pairResolved, { requestId, deviceId, decision, ts: 2000 });
  return { store, stop, requested, resolved };
}

describe("history recorder: who decided", () => {
  it.each([
    ["this browser", { isOwnDecision: (id: string) => id === "r1" }, true, "this-browser"],
    ["another admin", {}, true, "another-admin"],
    ["automatically: no request was ever seen (a silent approval)", {}, false, "automatic"],
  ] as const)("%s", async (_name, options, announce, decidedBy) => {
    const { store, requested, resolved } = await setup(options);
    if (announce) requested();
    resolved("r1", "approved");
    expect(store.getEntries()[0]).toMatchObject({
      kind: "approved",
      requestId: "r1",
      decidedBy,
      at: 2000,
    });
  });

  it("reads a request's own silent flag as automatic", async () => {
    const { store, requested, resolved } = await setup();
    requested({ silent: true });
    resolved("r1", "approved");
    expect(store.getEntries()[0]?.decidedBy).toBe("automatic");
  });

  it("uses a request it only knows from the list, with its scopes", async () => {
    const { store, resolved } = await setup({ lookupPending: () => historyRequest() });
    resolved("r1", "rejected");
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
  it("records a request once, however often it is announced", async () => {
    const { store, requested } = await setup();
    requested();
    requested({ ts: 1500 });
    expect(store.getEntries()).toHaveLength(1);
    expect(store.getEntries()[0]).toMatchObject({
      kind: "requested",
      at: 1000,
      scopesAsked: ["operator.read", "operator.write"],
    });
  });

  it("turns a rejection followed by the same device's new request into a supersede", async () => {
    const { store, requested, resolved } = await setup();
    requested();
    resolved("r1", "rejected");
    requested({ requestId: "r2", scopes: ["operator.admin"] });
    const [newest, replaced] = store.getEntries();
    expect(newest).toMatchObject({ kind: "requested", requestId: "r2" });
    expect(replaced).toMatchObject({ kind: "superseded", requestId: "r1", decidedBy: "automatic" });
  });

  it("stops recording once stopped", async () => {
    const { store, stop, requested } = await setup();
    stop();
    requested();
    expect(store.getEntries()).toEqual([]);
  });

  it("does not record a request again after a reload", async () => {
    const persistence = createMemoryHistory();
    const before = createHistoryStore({ persistence });
    await before.ready;
    before.record({ kind: "requested", deviceId: "dev-1", requestId: "r1" });
    await before.flush();
    const store = createHistoryStore({ persistence });
    const { connection, emit } = fakeEventSource();
    startHistoryRecorder(connection, store);
    await store.ready;
    emit(EVENTS.pairRequested, historyRequest());
    expect(store.getEntries()).toHaveLength(1);
  });

  it("remembers as many requests as the log holds, and no more", async () => {
    const store = createHistoryStore({ persistence: createMemoryHistory(), limit: 3 });
    await store.ready;
    const { connection, emit } = fakeEventSource();
    startHistoryRecorder(connection, store, { limit: 3 });
    const announce = (requestId: string) =>
      emit(EVENTS.pairRequested, historyRequest({ requestId, deviceId: `dev-${requestId}` }));
    for (const requestId of ["r1", "r2", "r3", "r4", "r5"]) announce(requestId);
    // The newest three are in the log: announced again, they are not recorded twice.
    for (const requestId of ["r3", "r4", "r5"]) announce(requestId);
    expect(store.getEntries().map((entry) => entry.requestId)).toEqual(["r5", "r4", "r3"]);
    // r1 fell out of the log, and out of the recorder's memory with it.
    announce("r1");
    expect(store.getEntries().map((entry) => entry.requestId)).toEqual(["r1", "r5", "r4"]);
  });
});

describe("history recorder: names and bounds", () => {
  function pairedNamed(deviceId: string, displayName?: string, clientId = "cli"): PairedDevice {
    return {
      deviceId,
      publicKey: "key",
      displayName,
      clientId,
      roles: ["operator"],
      scopes: ["operator.read"],
      createdAtMs: 1,
    };
  }

  it("names a silent approval from the device's paired record, once the list has it", async () => {
    const paired = new Map<string, PairedDevice>();
    let listChanged = () => {};
    const { store, resolved } = await setup({
      lookupPaired: (deviceId) => paired.get(deviceId),
      watchPaired: (listener) => {
        listChanged = listener;
        return () => undefined;
      },
    });
    resolved("r1", "approved", "dev-cron");
    expect(store.getEntries()[0]).toMatchObject({ decidedBy: "automatic", deviceName: undefined });

    paired.set("dev-cron", pairedNamed("dev-cron", undefined, "node-host"));
    listChanged();
    expect(store.getEntries()[0]).toMatchObject({ deviceId: "dev-cron", deviceName: "node-host" });

    // A device the list already holds is named at once.
    paired.set("dev-tui", pairedNamed("dev-tui", "Ops terminal"));
    resolved("r2", "approved", "dev-tui");
    expect(store.getEntries()[0]).toMatchObject({ deviceName: "Ops terminal" });
  });

  it("turns a rejection into a supersede even after it left memory", async () => {
    const persistence = createMemoryHistory();
    const store = createHistoryStore({ persistence, memoryLimit: 2 });
    await store.ready;
    const { connection, emit } = fakeEventSource();
    startHistoryRecorder(connection, store);
    emit(EVENTS.pairRequested, historyRequest());
    emit(EVENTS.pairResolved, { requestId: "r1", deviceId: "dev-1", decision: "rejected", ts: 2 });
    for (const id of ["x1", "x2", "x3"]) {
      emit(EVENTS.pairRequested, historyRequest({ requestId: id, deviceId: `dev-${id}` }));
    }
    await store.flush();
    emit(EVENTS.pairRequested, historyRequest({ requestId: "r2" }));
    await store.flush();
    const log = await persistence.load();
    expect(log.filter((entry) => entry.requestId === "r1").map((entry) => entry.kind)).toEqual([
      "requested",
      "superseded",
    ]);
  });
});
