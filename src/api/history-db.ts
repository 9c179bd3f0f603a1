import type { HistoryEntry } from "./history-types";

// Where the history log lives between reloads: IndexedDB, one object store keyed by `seq`,
// so "drop everything older than X" is a single key-range delete.

/** A change to an entry the store no longer holds in memory: found by id among the stored. */
export type HistoryPatch = {
  id: string;
  changes: Partial<Omit<HistoryEntry, "id" | "seq">>;
};

export type HistoryWrite = {
  put: readonly HistoryEntry[];
  deleteThrough: number;
  patch?: readonly HistoryPatch[];
};

export type StoredTail = { entries: HistoryEntry[]; total: number };

export type HistoryPersistence = {
  load(): Promise<HistoryEntry[]>;
  loadNewest(count: number): Promise<StoredTail>;
  save(write: HistoryWrite): Promise<void>;
  clear(): Promise<void>;
};

export const HISTORY_DB_NAME = "pairdesk-history";
const STORE = "entries";
const VERSION = 1;

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB write failed"));
    transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB write aborted"));
  });
}

export function createIndexedDbHistory(
  name: string = HISTORY_DB_NAME,
  factory: IDBFactory = globalThis.indexedDB,
): HistoryPersistence {
  let opening: Promise<IDBDatabase> | undefined;
  const open = () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(name, VERSION);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) {
          request.result.createObjectStore(STORE, { keyPath: "seq" });
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error("IndexedDB open failed"));
    });
    return opening;
  };
  const write = async (change: (store: IDBObjectStore) => void) => {
    const transaction = (await open()).transaction(STORE, "readwrite");
    change(transaction.objectStore(STORE));
    await committed(transaction);
  };
  const reading = async () => (await open()).transaction(STORE, "readonly").objectStore(STORE);
  return {
    async load() {
      return done((await reading()).getAll() as IDBRequest<HistoryEntry[]>);
    },
    async loadNewest(count) {
      const store = await reading();
      const total = done(store.count());
      // Keys are seq, so the newest `count` are the keys above the newest key − count.
      const newest = await done(store.openKeyCursor(null, "prev"));
      const last = typeof newest?.key === "number" ? newest.key : 0;
      const entries = done(
        store.getAll(IDBKeyRange.lowerBound(last - count, true)) as IDBRequest<HistoryEntry[]>,
      );
      return { entries: (await entries).slice(-count), total: await total };
    },
    save: (change) =>
      write((store) => {
        if (change.deleteThrough > 0) store.delete(IDBKeyRange.upperBound(change.deleteThrough));
        change.put.forEach((entry) => store.put(entry));
        if (change.patch?.length) patchNewest(store, change.patch);
      }),
    clear: () => write((store) => store.clear()),
  };
}

/** Applies `patches` walking back from the newest entry: their entries are recent ones. */
function patchNewest(store: IDBObjectStore, patches: readonly HistoryPatch[]): void {
  const waiting = new Map(patches.map((patch) => [patch.id, patch.changes]));
  const walk = store.openCursor(null, "prev");
  walk.onsuccess = () => {
    const cursor = walk.result;
    if (!cursor) return;
    const entry = cursor.value as HistoryEntry;
    const changes = waiting.get(entry.id);
    if (changes) {
      cursor.update({ ...entry, ...changes });
      waiting.delete(entry.id);
    }
    if (waiting.size > 0) cursor.continue();
  };
}

/** For environments without IndexedDB (some private modes): the log lasts this page only. */
export function createMemoryHistory(): HistoryPersistence {
  const rows = new Map<number, HistoryEntry>();
  const sorted = () => [...rows.values()].sort((a, b) => a.seq - b.seq);
  return {
    load: async () => sorted().map((entry) => structuredClone(entry)),
    loadNewest: async (count) => ({
      entries: sorted()
        .slice(-count)
        .map((entry) => structuredClone(entry)),
      total: rows.size,
    }),
    save: async (change) => {
      for (const key of rows.keys()) if (key <= change.deleteThrough) rows.delete(key);
      change.put.forEach((entry) => rows.set(entry.seq, structuredClone(entry)));
      for (const { id, changes } of change.patch ?? []) {
        const entry = [...rows.values()].find((row) => row.id === id);
        if (entry) rows.set(entry.seq, { ...entry, ...structuredClone(changes) });
      }
    },
    clear: async () => rows.clear(),
  };
}
