import { createContext, useContext, useEffect, useSyncExternalStore } from "react";
import { createIndexedDbHistory, createMemoryHistory, type HistoryPersistence } from "./history-db";
import type { HistoryEntry, NewHistoryEntry } from "./history-types";
import { createHistoryWriter } from "./history-writer";

// The history log: IndexedDB holds it, memory only its newest entries. Not server state, so not in
// the query cache: the gateway keeps no such log, and it must survive reloads and gateway switches.

export const HISTORY_LIMIT = 5000;

/**
 * Entries held in memory while no screen shows the whole log: as many as the History view shows
 * first. Heap use then does not grow with the log, however many events arrive.
 */
export const HISTORY_MEMORY_LIMIT = 200;

export const HISTORY_WRITE_DELAY_MS = 250;

export type HistoryView = {
  entries: readonly HistoryEntry[];
  total: number;
  complete: boolean;
};

export type HistoryStore = {
  getView(): HistoryView;
  getEntries(): readonly HistoryEntry[];
  subscribe(listener: () => void): () => void;
  open(): () => void;
  record(entry: NewHistoryEntry): HistoryEntry;
  update(id: string, patch: Partial<Omit<HistoryEntry, "id" | "seq">>): void;
  clear(): Promise<void>;
  ready: Promise<void>;
  flush(): Promise<void>;
};

export type HistoryStoreOptions = {
  persistence?: HistoryPersistence;
  limit?: number;
  memoryLimit?: number;
  now?: () => number;
  randomId?: () => string;
  writeDelayMs?: number;
  page?: Pick<EventTarget, "addEventListener">;
};

function defaultPersistence(): HistoryPersistence {
  return globalThis.indexedDB ? createIndexedDbHistory() : createMemoryHistory();
}

/** Unique across reloads: a random prefix per store, then a counter (cheaper than a UUID each). */
function sequentialIds(): () => string {
  const prefix = crypto.randomUUID();
  let count = 0;
  return () => `${prefix}-${(count++).toString(36)}`;
}

function defaultPage(): HistoryStoreOptions["page"] {
  return typeof window === "undefined" ? undefined : window;
}

export function createHistoryStore(options: HistoryStoreOptions = {}): HistoryStore {
  const persistence = options.persistence ?? defaultPersistence();
  const limit = options.limit ?? HISTORY_LIMIT;
  const memoryLimit = Math.min(options.memoryLimit ?? HISTORY_MEMORY_LIMIT, limit);
  const now = options.now ?? Date.now;
  const randomId = options.randomId ?? sequentialIds();
  const writer = createHistoryWriter({
    persistence,
    limit,
    delayMs: options.writeDelayMs ?? HISTORY_WRITE_DELAY_MS,
    page: options.page ?? defaultPage(),
  });
  const listeners = new Set<() => void>();
  // Oldest first, changed in place: copying the log per event was the cost of a burst.
  let oldestFirst: HistoryEntry[] = [];
  let total = 0;
  let view: HistoryView | undefined;
  let notifyQueued = false;
  let nextSeq = 1;
  let loaded = false;
  // Screens holding the whole log open; while none does, memory keeps `memoryLimit` entries.
  let openers = 0;
  // Bumped by clear(), so a read of the whole log that started before it is thrown away.
  let epoch = 0;

  const changed = () => {
    // Until the stored log is loaded, early entries stay whole: they are renumbered then.
    const keep = openers > 0 || !loaded ? limit : memoryLimit;
    if (oldestFirst.length > keep) oldestFirst.splice(0, oldestFirst.length - keep);
    view = undefined;
    if (notifyQueued) return;
    notifyQueued = true;
    queueMicrotask(() => {
      notifyQueued = false;
      listeners.forEach((listener) => listener());
    });
  };

  /** Reads the older entries in: storage, then what is not stored yet, then memory. */
  const readAll = async () => {
    const started = epoch;
    const stored = await persistence.load().catch((error: unknown) => {
      // The newest entries stay shown; the view says the log is not complete.
      console.warn("history: could not read the log", error);
      return undefined;
    });
    if (!stored || openers === 0 || started !== epoch) return;
    const bySeq = new Map<number, HistoryEntry>();
    for (const entry of stored) {
      const changes = writer.waitingChanges(entry.id);
      bySeq.set(entry.seq, changes ? { ...entry, ...changes } : entry);
    }
    for (const entry of writer.waitingEntries()) bySeq.set(entry.seq, entry);
    for (const entry of oldestFirst) bySeq.set(entry.seq, entry);
    const floor = nextSeq - 1 - limit;
    oldestFirst = [...bySeq.values()]
      .filter((entry) => entry.seq > floor)
      .sort((a, b) => a.seq - b.seq);
    total = oldestFirst.length;
    changed();
  };

  /** The log keeps `limit` entries: seqs are consecutive, so older ones are one key range. */
  const trimLog = () => {
    if (loaded && nextSeq - 1 > limit) writer.dropThrough(nextSeq - 1 - limit);
  };

  const ready = persistence
    .loadNewest(memoryLimit)
    .catch((error: unknown) => {
      console.warn("history: could not load", error);
      return { entries: [] as HistoryEntry[], total: 0 };
    })
    .then((stored) => {
      // Recorded while loading (all still waiting to be written): numbered after the stored.
      let seq = stored.entries.at(-1)?.seq ?? 0;
      const early = [...writer.waitingEntries()]
        .sort((a, b) => a.seq - b.seq)
        .map((entry) => ({ ...entry, seq: ++seq }));
      nextSeq = seq + 1;
      early.forEach((entry) => writer.put(entry));
      oldestFirst = [...stored.entries, ...early];
      total = Math.min(stored.total + early.length, limit);
      loaded = true;
      trimLog();
      changed();
      writer.start();
      if (openers > 0 && oldestFirst.length < total) void readAll();
    });

  const getView = () =>
    (view ??= {
      entries: oldestFirst.toReversed(),
      total,
      complete: oldestFirst.length >= total,
    });

  return {
    getView,
    getEntries: () => getView().entries,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open() {
      openers += 1;
      if (openers === 1 && loaded && oldestFirst.length < total) void readAll();
      let closed = false;
      return () => {
        if (closed) return;
        closed = true;
        openers -= 1;
        if (openers === 0) changed();
      };
    },
    record(input) {
      const entry: HistoryEntry = {
        ...input,
        id: randomId(),
        seq: nextSeq++,
        at: input.at ?? now(),
      };
      oldestFirst.push(entry);
      total = Math.min(total + 1, limit);
      writer.put(entry);
      trimLog();
      changed();
      return entry;
    },
    update(id, patch) {
      // Updates follow their entry closely (a supersede, an action's outcome): search from the end.
      const index = oldestFirst.findLastIndex((entry) => entry.id === id);
      const current = oldestFirst[index];
      if (!current) {
        // No longer in memory: changed where it is stored (or about to be).
        writer.patch(id, patch);
        return;
      }
      const next = { ...current, ...patch };
      oldestFirst[index] = next;
      writer.put(next);
      changed();
    },
    async clear() {
      await ready;
      epoch += 1;
      oldestFirst = [];
      total = 0;
      changed();
      await writer.clear();
    },
    ready,
    async flush() {
      await ready;
      await writer.flush();
    },
  };
}

export const HistoryStoreContext = createContext<HistoryStore | null>(null);

export function useHistoryStore(): HistoryStore {
  const store = useContext(HistoryStoreContext);
  if (!store) throw new Error("useHistoryStore needs a <HistoryStoreContext.Provider>");
  return store;
}

/** The whole log, newest first, held in memory while the calling screen is mounted. */
export function useHistoryView(): HistoryView {
  const store = useHistoryStore();
  useEffect(() => store.open(), [store]);
  return useSyncExternalStore(store.subscribe, store.getView, store.getView);
}
