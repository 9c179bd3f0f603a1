import { isRecord } from "../protocol";
import type { DeviceKeyStore } from "./device-identity";

// One IndexedDB record holds the CryptoKeyPair; the browser keeps the private key opaque.

const DATABASE = "pairdesk";
const OBJECT_STORE = "device-identity";
const RECORD_KEY = "ed25519";

/** Opens database `name` (version 1), creating `store` on first use (the history log too). */
export function openIndexedDb(
  factory: IDBFactory,
  name: string,
  store: string,
  options?: IDBObjectStoreParameters,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      const database = request.result;
      if (!database.objectStoreNames.contains(store)) database.createObjectStore(store, options);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB open failed"));
  });
}

function run<T>(
  factory: IDBFactory,
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest,
): Promise<T> {
  return openIndexedDb(factory, DATABASE, OBJECT_STORE).then(
    (database) =>
      new Promise<T>((resolve, reject) => {
        const transaction = database.transaction(OBJECT_STORE, mode);
        const request = action(transaction.objectStore(OBJECT_STORE));
        transaction.oncomplete = () => {
          database.close();
          resolve(request.result as T);
        };
        transaction.onerror = () => {
          database.close();
          reject(transaction.error ?? new Error("IndexedDB transaction failed"));
        };
      }),
  );
}

export function createIndexedDbKeyStore(
  factory: IDBFactory = globalThis.indexedDB,
): DeviceKeyStore {
  return {
    async load() {
      const value = await run<unknown>(factory, "readonly", (store) => store.get(RECORD_KEY));
      return isKeyPair(value) ? value : undefined;
    },
    async save(keys) {
      await run(factory, "readwrite", (store) => store.put(keys, RECORD_KEY));
    },
  };
}

function isKeyPair(value: unknown): value is CryptoKeyPair {
  return (
    isRecord(value) && value.privateKey instanceof CryptoKey && value.publicKey instanceof CryptoKey
  );
}
