import type { KeyValueStorage } from "../../../src/gateway/credential-store";

/** A Map-backed Web Storage stand-in that lets a test look inside. */
export function memoryStorage(): KeyValueStorage & { dump(): string } {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    dump: () => JSON.stringify([...items]),
  };
}
