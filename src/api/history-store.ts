import { useSyncExternalStore } from "react";
import { requiredContext } from "../gateway/context";
import { createIndexedDbHistory, createMemoryHistory, type HistoryPersistence } from "./history-db";
import { readEach } from "../protocol";
import { readHistoryEntry, type HistoryEntry, type NewHistoryEntry } from "./history-types";
import { createHistoryWriter } from "./history-writer";

// The history log, in IndexedDB and in memory. Not in the query cache: the gateway keeps no
// such log, and it outlives reloads.

export const HISTORY_LIMIT = 5000;

export const HISTORY_WRITE_DELAY_MS = 250;

export type HistoryView = {
  /** Newest first. */
  entries: readonly HistoryEntry[];
  total: number;
  /** False until the stored log is read. */
  complete: boolean;
  /** Stored entries that could not be read, so are not shown. */
  unreadable: number;
};

export type HistoryStore = {
  getView(): HistoryView;
  getEntries(): readonly HistoryEntry[];
  /** Listeners hear once per batch of changes (a microtask later), not once per entry. */
  subscribe(listener: () => void): () => void;
  record(entry: NewHistoryEntry): HistoryEntry;
  update(id: string, patch: Partial<Omit<HistoryEntry, "id" | "seq">>): void;
  clear(): Promise<void>;
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

/** Unique across reloads: a random prefix per store, then a counter. */
function sequentialIds(): () => string {
  const prefix = crypto.randomUUID();
  let count = 0;
  return () => `${prefix}-${(count++).toString(36)}`;
}

export function createHistoryStore(options: HistoryStoreOptions = {}): HistoryStore {
  const persistence =
    options.persistence ??
    (globalThis.indexedDB ? createIndexedDbHistory() : createMemoryHistory());
  const limit = options.limit ?? HISTORY_LIMIT;
  const now = options.now ?? Date.now;
  const randomId = options.randomId ?? sequentialIds();
  const writer = createHistoryWriter({
    persistence,
    limit,
    delayMs: options.writeDelayMs ?? HISTORY_WRITE_DELAY_MS,
    page: options.page ?? (typeof window === "undefined" ? undefined : window),
  });
  const listeners = new Set<() => void>();
  // Oldest first.
  let oldestFirst: HistoryEntry[] = [];
  let view: HistoryView | undefined;
  let notifyQueued = false;
  let nextSeq = 1;
  let loaded = false;
  let unreadable = 0;

  const changed = () => {
    if (oldestFirst.length > limit) oldestFirst.splice(0, oldestFirst.length - limit);
    view = undefined;
    if (notifyQueued) return;
    notifyQueued = true;
    queueMicrotask(() => {
      notifyQueued = false;
      listeners.forEach((listener) => listener());
    });
  };

  /** Seqs are consecutive, so the entries past the limit are one key range. */
  const trimLog = () => {
    if (loaded && nextSeq - 1 > limit) writer.dropThrough(nextSeq - 1 - limit);
  };

  const ready = persistence
    .load()
    .catch((error: unknown) => {
      console.warn("history: could not load", error);
      return [];
    })
    .then((raw) => {
      const { items: stored, unreadable: skipped } = readEach(raw, readHistoryEntry);
      unreadable = skipped;
      // Recorded while loading: numbered after the stored entries.
      let seq = stored.at(-1)?.seq ?? 0;
      const early = oldestFirst.map((entry) => ({ ...entry, seq: ++seq }));
      nextSeq = seq + 1;
      early.forEach((entry) => writer.put(entry));
      oldestFirst = [...stored, ...early];
      loaded = true;
      trimLog();
      changed();
      writer.start();
    });

  const getView = () =>
    (view ??= {
      entries: oldestFirst.toReversed(),
      total: oldestFirst.length,
      complete: loaded,
      unreadable,
    });

  return {
    getView,
    getEntries: () => getView().entries,
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
      writer.put(entry);
      trimLog();
      changed();
      return entry;
    },
    update(id, patch) {
      // Updates follow their entry closely (a name found later): search from the end.
      const index = oldestFirst.findLastIndex((entry) => entry.id === id);
      const current = oldestFirst[index];
      if (!current) return;
      const next = { ...current, ...patch };
      oldestFirst[index] = next;
      writer.put(next);
      changed();
    },
    async clear() {
      await ready;
      oldestFirst = [];
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

export const [HistoryStoreContext, useHistoryStore] =
  requiredContext<HistoryStore>("useHistoryStore");

/** The whole log, newest first. */
export function useHistoryView(): HistoryView {
  const store = useHistoryStore();
  return useSyncExternalStore(store.subscribe, store.getView, store.getView);
}
