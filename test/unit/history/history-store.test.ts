import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createIndexedDbHistory,
  createMemoryHistory,
  type HistoryPersistence,
  type HistoryWrite,
} from "../../../src/api/history-db";
import { createHistoryStore, HISTORY_WRITE_DELAY_MS } from "../../../src/api/history-store";
import type { HistoryEntry } from "../../../src/api/history-types";
import { PUTS_PER_WRITE } from "../../../src/api/history-writer";

let databases = 0;
const freshDbNamed = (n: number) => createIndexedDbHistory(`history-store-test-${n}`);
const freshDb = () => freshDbNamed(++databases);
const requested = (deviceId: string) => ({ kind: "requested" as const, deviceId });

/** Records every write (one write is one transaction); `hold` keeps each write in flight. */
function watched(inner: HistoryPersistence, options: { hold?: boolean } = {}) {
  const writes: HistoryWrite[] = [];
  const releases: (() => void)[] = [];
  const persistence: HistoryPersistence = {
    load: () => inner.load(),
    clear: () => inner.clear(),
    async save(change) {
      writes.push(change);
      if (options.hold) await new Promise<void>((resolve) => releases.push(resolve));
      await inner.save(change);
    },
  };
  return { persistence, writes, release: () => releases.shift()?.() };
}

/** One socket message: its own macrotask, as a browser delivers them. */
const nextMessage = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe("history store", () => {
  it("skips and counts the stored entries it cannot read, and shows the rest", async () => {
    const persistence = freshDb();
    const first = createHistoryStore({ persistence });
    await first.ready;
    for (const id of ["a", "b"]) first.record(requested(id));
    await first.flush();
    const [good] = (await persistence.load()) as HistoryEntry[];
    const bad: unknown[] = [
      { ...good, seq: 10, at: 1e16 },
      { ...good, seq: 11, at: Number.NaN },
      { ...good, seq: 12, deviceId: 7 },
      { ...good, seq: 13, scopesAsked: ["operator.read", { x: 1 }] },
      { ...good, seq: 14, deviceName: "n".repeat(20_000) },
      { ...good, seq: 15, kind: undefined },
      { ...good, seq: 18, kind: "__proto__" },
      { ...good, seq: 19, decidedBy: "constructor" },
      { seq: 16 },
      { ...good, seq: "17" },
    ];
    await persistence.save({ put: bad as HistoryEntry[], deleteThrough: 0 });

    const reloaded = createHistoryStore({ persistence });
    await reloaded.ready;
    expect(reloaded.getView()).toMatchObject({ total: 2, unreadable: bad.length });
    // New entries number after the readable ones and replace unreadable ones as they go.
    expect(reloaded.record(requested("after")).seq).toBe(3);
  });

  it("lists entries newest first and notifies subscribers", async () => {
    const store = createHistoryStore({ persistence: createMemoryHistory() });
    await store.ready;
    let calls = 0;
    store.subscribe(() => calls++);
    store.record({ ...requested("a"), at: 1 });
    store.record({ ...requested("b"), at: 2 });
    expect(store.getEntries().map((e) => e.deviceId)).toEqual(["b", "a"]);
    await Promise.resolve();
    expect(calls).toBe(1); // once for the two entries of this task
    store.record({ ...requested("c"), at: 3 });
    await Promise.resolve();
    expect(calls).toBe(2);
    expect(store.getEntries().map((e) => e.deviceId)).toEqual(["c", "b", "a"]);
  });

  it("keeps only the newest `limit` entries, in memory and in IndexedDB", async () => {
    const persistence = freshDb();
    const store = createHistoryStore({ persistence, limit: 3 });
    await store.ready;
    for (const id of ["1", "2", "3", "4", "5"]) store.record(requested(id));
    expect(store.getEntries().map((e) => e.deviceId)).toEqual(["5", "4", "3"]);
    await store.flush();
    expect(((await persistence.load()) as HistoryEntry[]).map((e) => e.deviceId)).toEqual([
      "3",
      "4",
      "5",
    ]);
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
    expect((await persistence.load()) as HistoryEntry[]).toMatchObject([
      { kind: "superseded", decidedBy: "automatic" },
    ]);
    await store.clear();
    expect(store.getEntries()).toEqual([]);
    expect((await persistence.load()) as HistoryEntry[]).toEqual([]);
  });
});

describe("history store: batched writes", () => {
  it("writes 1,000 events in a few small transactions; none lost over a flush and a reload", async () => {
    const { persistence, writes } = watched(freshDb());
    const store = createHistoryStore({ persistence, limit: 300 });
    await store.ready;
    let flushing: Promise<void> | undefined;
    for (let index = 0; index < 1000; index += 1) {
      store.record(requested(`device-${index}`));
      // A flush half-way: what arrives while it is written goes into the next batch.
      if (index === 500) flushing = store.flush();
      await nextMessage();
    }
    await flushing;
    await store.flush();

    expect(writes.length).toBeGreaterThan(0);
    expect(writes.length).toBeLessThanOrEqual(12);
    // Each transaction clones its entries on the main thread: a few hundred at most per task.
    expect(Math.max(...writes.map((write) => write.put.length))).toBeLessThanOrEqual(
      PUTS_PER_WRITE,
    );
    // The trimming delete rides in the same transactions as the entries.
    expect(writes.some((write) => write.deleteThrough > 0 && write.put.length > 0)).toBe(true);
    expect(store.getView().total).toBe(300);

    const reloaded = createHistoryStore({ persistence: freshDbNamed(databases) });
    await reloaded.ready;
    expect(reloaded.getView()).toEqual(store.getView());
    const stored = (await persistence.load()) as HistoryEntry[];
    expect(stored).toHaveLength(300);
    expect(stored.at(-1)?.deviceId).toBe("device-999");
    expect(stored[0]?.deviceId).toBe("device-700");
  });

  it("waits a short while before writing, and keeps at most one write in flight", async () => {
    vi.useFakeTimers();
    const { persistence, writes, release } = watched(createMemoryHistory(), { hold: true });
    const store = createHistoryStore({ persistence });
    await store.ready;
    store.record(requested("a"));
    store.record(requested("b"));
    await vi.advanceTimersByTimeAsync(HISTORY_WRITE_DELAY_MS - 1);
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes.map((write) => write.put.map((e) => e.deviceId))).toEqual([["a", "b"]]);

    store.record(requested("c"));
    await vi.advanceTimersByTimeAsync(HISTORY_WRITE_DELAY_MS * 4);
    expect(writes).toHaveLength(1); // the first is still being written

    release();
    await vi.advanceTimersByTimeAsync(HISTORY_WRITE_DELAY_MS);
    expect(writes.map((write) => write.put.map((e) => e.deviceId))).toEqual([["a", "b"], ["c"]]);
    release();
    await store.flush();
    expect(((await persistence.load()) as HistoryEntry[]).map((e) => e.deviceId)).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("writes at once when the page is hidden", async () => {
    vi.useFakeTimers();
    const page = new EventTarget();
    const { persistence, writes } = watched(createMemoryHistory());
    const store = createHistoryStore({ persistence, page });
    await store.ready;
    store.record(requested("a"));
    page.dispatchEvent(new Event("pagehide"));
    expect(writes.map((write) => write.put.map((e) => e.deviceId))).toEqual([["a"]]);
  });
});

describe("history store: what it keeps", () => {
  const recordMany = (store: ReturnType<typeof createHistoryStore>, count: number) =>
    Array.from({ length: count }, (_, index) => store.record(requested(`d${index}`)));
  const devices = (store: ReturnType<typeof createHistoryStore>) =>
    store.getEntries().map((entry) => entry.deviceId);

  it("keeps the newest entries, and reads them all back after a reload", async () => {
    const persistence = freshDb();
    const first = createHistoryStore({ persistence, limit: 50 });
    await first.ready;
    recordMany(first, 60);
    expect(first.getView()).toMatchObject({ total: 50, complete: true });
    expect(devices(first)[0]).toBe("d59");
    await first.flush();

    const reloaded = createHistoryStore({ persistence, limit: 50 });
    expect(reloaded.getView().complete).toBe(false);
    await reloaded.ready;
    expect(reloaded.getView()).toMatchObject({ total: 50, complete: true });
    expect(devices(reloaded)).toEqual(Array.from({ length: 50 }, (_, i) => `d${59 - i}`));
  });

  it("stores a change to an entry, whether or not it was written already", async () => {
    const persistence = freshDb();
    const store = createHistoryStore({ persistence });
    await store.ready;
    const [waiting] = recordMany(store, 1);
    store.update(waiting!.id, { note: "while waiting" });
    await store.flush();
    const [stored] = recordMany(store, 1);
    await store.flush();
    store.update(stored!.id, { kind: "superseded", decidedBy: "automatic" });
    await store.flush();

    const log = (await persistence.load()) as HistoryEntry[];
    expect(log.find((entry) => entry.id === waiting!.id)).toMatchObject({ note: "while waiting" });
    expect(log.find((entry) => entry.id === stored!.id)).toMatchObject({
      kind: "superseded",
      decidedBy: "automatic",
    });
  });

  it("numbers every entry recorded while loading after the stored ones", async () => {
    const persistence = freshDb();
    const first = createHistoryStore({ persistence });
    await first.ready;
    recordMany(first, 3);
    await first.flush();

    const second = createHistoryStore({ persistence });
    const early = recordMany(second, 20);
    second.update(early[0]!.id, { note: "first early" });
    await second.flush();
    const log = (await persistence.load()) as HistoryEntry[];
    expect(log.map((entry) => entry.seq)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(log[3]).toMatchObject({ deviceId: "d0", note: "first early" });
    expect(second.getView()).toMatchObject({ total: 23 });
  });
});
