import type { HistoryEntry } from "./history-types";

// Where the history log lives between reloads: IndexedDB, one object store keyed by `seq`,
// so "drop everything older than X" is a single key-range delete.

export type HistoryPersistence = {
  /** Every stored entry, oldest first. */
  load(): Promise<HistoryEntry[]>;
  /** Adds or replaces entries (by seq). */
  put(entries: readonly HistoryEntry[]): Promise<void>;
  /** Deletes every entry with seq ≤ `seq` (the bound that keeps the log small). */
  deleteThrough(seq: number): Promise<void>;
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
  return {
    async load() {
      const store = (await open()).transaction(STORE, "readonly").objectStore(STORE);
      return done(store.getAll() as IDBRequest<HistoryEntry[]>);
    },
    put: (entries) => write((store) => entries.forEach((entry) => store.put(entry))),
    deleteThrough: (seq) => write((store) => store.delete(IDBKeyRange.upperBound(seq))),
    clear: () => write((store) => store.clear()),
  };
}

/** For environments without IndexedDB (some private modes): the log lasts this page only. */
export function createMemoryHistory(): HistoryPersistence {
  const rows = new Map<number, HistoryEntry>();
  return {
    load: async () => [...rows.values()].sort((a, b) => a.seq - b.seq),
    put: async (entries) => entries.forEach((entry) => rows.set(entry.seq, structuredClone(entry))),
    deleteThrough: async (seq) => {
      for (const key of rows.keys()) if (key <= seq) rows.delete(key);
    },
    clear: async () => rows.clear(),
  };
}
