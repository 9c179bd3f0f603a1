import { createContext, useContext, useSyncExternalStore } from "react";
import { createIndexedDbHistory, createMemoryHistory, type HistoryPersistence } from "./history-db";
import type { HistoryEntry, NewHistoryEntry } from "./history-types";

// The history log in memory, mirrored to IndexedDB. Not server state, so not in the query
// cache: the gateway keeps no such log, and it must survive reloads and gateway switches.
// One store per app instance (tests get fresh ones).

/** The log keeps the newest entries only, so IndexedDB and the table stay small. */
export const HISTORY_LIMIT = 5000;

/**
 * How long changes gather before they are written. A burst of events then costs one IndexedDB
 * transaction per quarter second instead of one per socket message; `pagehide` writes at once.
 */
export const HISTORY_WRITE_DELAY_MS = 250;

export type HistoryStore = {
  /** Newest first; a new array after every change (safe for useSyncExternalStore). */
  getEntries(): readonly HistoryEntry[];
  /** Listeners hear once per batch of changes (a microtask later), not once per entry. */
  subscribe(listener: () => void): () => void;
  record(entry: NewHistoryEntry): HistoryEntry;
  update(id: string, patch: Partial<Omit<HistoryEntry, "id" | "seq">>): void;
  clear(): Promise<void>;
  /** Settles once the stored log is loaded. */
  ready: Promise<void>;
  /** Writes what is waiting now; settles once every change so far is stored. */
  flush(): Promise<void>;
};

export type HistoryStoreOptions = {
  persistence?: HistoryPersistence;
  limit?: number;
  now?: () => number;
  randomId?: () => string;
  writeDelayMs?: number;
  /** Where `pagehide` is heard (the window by default; none outside a browser). */
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
  const now = options.now ?? Date.now;
  const randomId = options.randomId ?? sequentialIds();
  const writeDelayMs = options.writeDelayMs ?? HISTORY_WRITE_DELAY_MS;
  const listeners = new Set<() => void>();
  // Oldest first, changed in place: copying 5,000 entries per event was the cost of a burst.
  let oldestFirst: HistoryEntry[] = [];
  let snapshot: readonly HistoryEntry[] | undefined;
  let notifyQueued = false;
  let nextSeq = 1;
  let loaded = false;
  // What the next write carries: changed entries by id, and the trimming bound.
  let dirty = new Map<string, HistoryEntry>();
  let dropThrough = 0;
  // At most one write in flight; changes that arrive meanwhile wait for the next batch.
  let writing: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let leaving = false;

  const changed = () => {
    if (oldestFirst.length > limit) {
      const dropped = oldestFirst.splice(0, oldestFirst.length - limit);
      dropped.forEach((entry) => dirty.delete(entry.id));
      dropThrough = Math.max(dropThrough, dropped.at(-1)?.seq ?? 0);
    }
    snapshot = undefined;
    if (notifyQueued) return;
    notifyQueued = true;
    queueMicrotask(() => {
      notifyQueued = false;
      listeners.forEach((listener) => listener());
    });
  };

  const waiting = () => dirty.size > 0 || dropThrough > 0;

  const cancelTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /** Runs `task` as the one write in flight; what gathered meanwhile is written after it. */
  const exclusive = (task: () => Promise<void>) => {
    const run = task().finally(() => {
      writing = undefined;
      if (!waiting()) return;
      if (leaving) writeNow();
      else scheduleWrite();
    });
    // Whoever waits for the turn must not fail with it; the task's caller hears its error.
    writing = run.catch(() => undefined);
    return run;
  };

  // Only after the load, so an entry recorded while loading gets a seq after every stored one.
  const writeNow = () => {
    cancelTimer();
    if (!loaded || writing || !waiting()) return;
    const change = { put: [...dirty.values()], deleteThrough: dropThrough };
    dirty = new Map();
    dropThrough = 0;
    void exclusive(() =>
      persistence
        .save(change)
        .catch((error: unknown) => console.warn("history: could not save", error)),
    );
  };

  const scheduleWrite = () => {
    if (loaded && timer === undefined) timer = setTimeout(writeNow, writeDelayMs);
  };

  // The page may not come back (or come back from the back/forward cache): store it now.
  const page = options.page ?? defaultPage();
  page?.addEventListener("pagehide", () => {
    leaving = true;
    writeNow();
  });
  page?.addEventListener("pageshow", () => (leaving = false));

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
      dirty = new Map(renumbered.map((entry) => [entry.id, entry]));
      oldestFirst = [...stored, ...renumbered];
      loaded = true;
      changed();
      scheduleWrite();
    });

  return {
    getEntries: () => (snapshot ??= oldestFirst.toReversed()),
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
      oldestFirst.push(entry);
      dirty.set(entry.id, entry);
      changed();
      scheduleWrite();
      return entry;
    },
    update(id, patch) {
      // Updates follow their entry closely (a supersede, an action's outcome): search from the end.
      const index = oldestFirst.findLastIndex((entry) => entry.id === id);
      const current = oldestFirst[index];
      if (!current) return;
      const next = { ...current, ...patch };
      oldestFirst[index] = next;
      dirty.set(id, next);
      changed();
      scheduleWrite();
    },
    async clear() {
      await ready;
      oldestFirst = [];
      dirty = new Map();
      dropThrough = 0;
      cancelTimer();
      changed();
      while (writing) await writing;
      await exclusive(() => persistence.clear());
    },
    ready,
    async flush() {
      await ready;
      while (writing || waiting()) {
        writeNow();
        await writing;
      }
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
