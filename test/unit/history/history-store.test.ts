import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { createIndexedDbHistory, createMemoryHistory } from "../../../src/api/history-db";
import { createHistoryStore } from "../../../src/api/history-store";

let databases = 0;
const freshDb = () => createIndexedDbHistory(`history-store-test-${++databases}`);
const requested = (deviceId: string) => ({ kind: "requested" as const, deviceId });

describe("history store", () => {
  it("lists entries newest first and notifies subscribers", async () => {
    const store = createHistoryStore({ persistence: createMemoryHistory() });
    await store.ready;
    let calls = 0;
    store.subscribe(() => calls++);
    store.record({ ...requested("a"), at: 1 });
    store.record({ ...requested("b"), at: 2 });
    expect(store.getEntries().map((e) => e.deviceId)).toEqual(["b", "a"]);
    expect(calls).toBe(2);
  });

  it("keeps only the newest `limit` entries, in memory and in IndexedDB", async () => {
    const persistence = freshDb();
    const store = createHistoryStore({ persistence, limit: 3 });
    await store.ready;
    for (const id of ["1", "2", "3", "4", "5"]) store.record(requested(id));
    expect(store.getEntries().map((e) => e.deviceId)).toEqual(["5", "4", "3"]);
    await store.flush();
    expect((await persistence.load()).map((e) => e.deviceId)).toEqual(["3", "4", "5"]);
  });

  it("survives a reload, and numbers what was recorded while loading after what was stored", async () => {
    const persistence = freshDb();
    const first = createHistoryStore({ persistence });
    await first.ready;
    first.record(requested("old"));
    await first.flush();

    const second = createHistoryStore({ persistence });
    second.record(requested("early"));
    await second.ready;
    second.record(requested("late"));
    await second.flush();
    expect(second.getEntries().map((e) => [e.deviceId, e.seq])).toEqual([
      ["late", 3],
      ["early", 2],
      ["old", 1],
    ]);

    const third = createHistoryStore({ persistence });
    await third.ready;
    expect(third.getEntries().map((e) => e.deviceId)).toEqual(["late", "early", "old"]);
  });

  it("stores updates and clears", async () => {
    const persistence = freshDb();
    const store = createHistoryStore({ persistence });
    await store.ready;
    const entry = store.record({ kind: "rejected", deviceId: "a", decidedBy: "another-admin" });
    store.update(entry.id, { kind: "superseded", decidedBy: "automatic" });
    await store.flush();
    expect(await persistence.load()).toMatchObject([
      { kind: "superseded", decidedBy: "automatic" },
    ]);
    await store.clear();
    expect(store.getEntries()).toEqual([]);
    expect(await persistence.load()).toEqual([]);
  });
});
