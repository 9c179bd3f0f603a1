import { openIndexedDb } from "../gateway/indexeddb-key-store";
import type { HistoryEntry } from "./history-types";

// The history log between reloads: one object store keyed by `seq`, so trimming is one key range.

/** One batch of changes, stored in a single transaction. */
export type HistoryWrite = {
  /** Entries to add or replace (by seq). */
  put: readonly HistoryEntry[];
  /** Deletes every entry with seq ≤ this (the bound that keeps the log small); 0: none. */
  deleteThrough: number;
};

export type HistoryPersistence = {
  /** Every stored entry, oldest first, as stored (see readHistoryEntry). */
  load(): Promise<unknown[]>;
  save(write: HistoryWrite): Promise<void>;
  clear(): Promise<void>;
};

export const HISTORY_DB_NAME = "pairdesk-history";
const STORE = "entries";

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
  const open = () => (opening ??= openIndexedDb(factory, name, STORE, { keyPath: "seq" }));
  const write = async (change: (store: IDBObjectStore) => void) => {
    const transaction = (await open()).transaction(STORE, "readwrite");
    change(transaction.objectStore(STORE));
    await committed(transaction);
  };
  const reading = async () => (await open()).transaction(STORE, "readonly").objectStore(STORE);
  return {
    async load() {
      return done((await reading()).getAll());
    },
    save: (change) =>
      write((store) => {
        if (change.deleteThrough > 0) store.delete(IDBKeyRange.upperBound(change.deleteThrough));
        change.put.forEach((entry) => store.put(entry));
      }),
    clear: () => write((store) => store.clear()),
  };
}

/** For environments without IndexedDB (some private modes): the log lasts this page only. */
export function createMemoryHistory(): HistoryPersistence {
  const rows = new Map<number, HistoryEntry>();
  const sorted = () => [...rows.values()].sort((a, b) => a.seq - b.seq);
  return {
    load: async () => sorted().map((entry) => structuredClone(entry)),
    save: async (change) => {
      for (const key of rows.keys()) if (key <= change.deleteThrough) rows.delete(key);
      change.put.forEach((entry) => rows.set(entry.seq, structuredClone(entry)));
    },
    clear: async () => rows.clear(),
  };
}
