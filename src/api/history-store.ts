import { createContext, useContext, useSyncExternalStore } from "react";
import { createIndexedDbHistory, createMemoryHistory, type HistoryPersistence } from "./history-db";
import type { HistoryEntry, NewHistoryEntry } from "./history-types";

// The history log in memory, mirrored to IndexedDB. Not server state, so not in the query
// cache: the gateway keeps no such log, and it must survive reloads and gateway switches.
// One store per app instance (tests get fresh ones).

/** The log keeps the newest entries only, so IndexedDB and the table stay small. */
export const HISTORY_LIMIT = 5000;

export type HistoryStore = {
  /** Newest first; a new array after every change (safe for useSyncExternalStore). */
  getEntries(): readonly HistoryEntry[];
  subscribe(listener: () => void): () => void;
  record(entry: NewHistoryEntry): HistoryEntry;
  update(id: string, patch: Partial<Omit<HistoryEntry, "id" | "seq">>): void;
  clear(): Promise<void>;
  /** Settles once the stored log is loaded. */
  ready: Promise<void>;
  /** Settles once every change so far is stored. */
  flush(): Promise<void>;
};

export type HistoryStoreOptions = {
  persistence?: HistoryPersistence;
  limit?: number;
  now?: () => number;
  randomId?: () => string;
};

function defaultPersistence(): HistoryPersistence {
  return globalThis.indexedDB ? createIndexedDbHistory() : createMemoryHistory();
}

export function createHistoryStore(options: HistoryStoreOptions = {}): HistoryStore {
  const persistence = options.persistence ?? defaultPersistence();
  const limit = options.limit ?? HISTORY_LIMIT;
  const now = options.now ?? Date.now;
  const randomId = options.randomId ?? (() => crypto.randomUUID());
  const listeners = new Set<() => void>();
  let oldestFirst: HistoryEntry[] = [];
  let snapshot: readonly HistoryEntry[] = [];
  let nextSeq = 1;
  let loaded = false;
  const dirty = new Map<string, HistoryEntry>();
  let dropThrough = 0;
  let writing: Promise<void> = Promise.resolve();
  let queued = false;

  const changed = () => {
    if (oldestFirst.length > limit) {
      const dropped = oldestFirst.slice(0, oldestFirst.length - limit);
      oldestFirst = oldestFirst.slice(-limit);
      dropped.forEach((entry) => dirty.delete(entry.id));
      dropThrough = Math.max(dropThrough, dropped.at(-1)?.seq ?? 0);
    }
    snapshot = [...oldestFirst].reverse();
    listeners.forEach((listener) => listener());
  };

  // Changes are written in one transaction per tick, and only after the load (so an entry
  // recorded while loading gets a seq after every stored one).
  const scheduleWrite = () => {
    if (!loaded || queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      const entries = [...dirty.values()];
      const through = dropThrough;
      dirty.clear();
      dropThrough = 0;
      writing = writing
        .then(async () => {
          if (entries.length > 0) await persistence.put(entries);
          if (through > 0) await persistence.deleteThrough(through);
        })
        .catch((error: unknown) => console.warn("history: could not save", error));
    });
  };

  const ready = persistence
    .load()
    .catch((error: unknown) => {
      console.warn("history: could not load", error);
      return [] as HistoryEntry[];
    })
    .then((stored) => {
      const early = oldestFirst;
      let seq = stored.reduce((max, entry) => Math.max(max, entry.seq), 0);
      const renumbered = early.map((entry) => ({ ...entry, seq: ++seq }));
      nextSeq = seq + 1;
      dirty.clear();
      renumbered.forEach((entry) => dirty.set(entry.id, entry));
      oldestFirst = [...stored, ...renumbered];
      loaded = true;
      changed();
      scheduleWrite();
    });

  return {
    getEntries: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    record(input) {
      const entry: HistoryEntry = {
        ...input,
        id: randomId(),
        seq: nextSeq++,
        at: input.at ?? now(),
      };
      oldestFirst = [...oldestFirst, entry];
      dirty.set(entry.id, entry);
      changed();
      scheduleWrite();
      return entry;
    },
    update(id, patch) {
      const index = oldestFirst.findIndex((entry) => entry.id === id);
      const current = oldestFirst[index];
      if (!current) return;
      const next = { ...current, ...patch };
      oldestFirst = oldestFirst.with(index, next);
      dirty.set(id, next);
      changed();
      scheduleWrite();
    },
    async clear() {
      await ready;
      oldestFirst = [];
      dirty.clear();
      dropThrough = 0;
      changed();
      writing = writing.then(() => persistence.clear());
      await writing;
    },
    ready,
    async flush() {
      await ready;
      // Let a write queued in this tick start, then wait for the chain.
      await Promise.resolve();
      await writing;
    },
  };
}

export const HistoryStoreContext = createContext<HistoryStore | null>(null);

export function useHistoryStore(): HistoryStore {
  const store = useContext(HistoryStoreContext);
  if (!store) throw new Error("useHistoryStore needs a <HistoryStoreContext.Provider>");
  return store;
}

/** The log, newest first, re-rendering on every change. */
export function useHistoryEntries(): readonly HistoryEntry[] {
  const store = useHistoryStore();
  return useSyncExternalStore(store.subscribe, store.getEntries, store.getEntries);
}
