import type { PersistedState, StateStore } from "./core/types";

// The dev mock's state, kept in localStorage so pending requests survive a page reload just
// as they survive a gateway restart. What it holds: simulated and dev devices, pending
// requests, and the device tokens the mock issued to them. Those are mock secrets of
// simulated devices, never the user's gateway token, and they exist only in `vite dev`.

export const BROWSER_STORE_KEY = "pairdesk-mock-gateway";

function isPersistedState(value: unknown): value is PersistedState {
  if (typeof value !== "object" || value === null) return false;
  const { pending, paired } = value as Record<string, unknown>;
  return Array.isArray(pending) && Array.isArray(paired);
}

export function createBrowserStateStore(
  storage: Storage = localStorage,
  key: string = BROWSER_STORE_KEY,
): StateStore {
  return {
    async load() {
      const text = storage.getItem(key);
      if (text === null) return undefined;
      try {
        const value: unknown = JSON.parse(text);
        return isPersistedState(value) ? value : undefined;
      } catch {
        // A hand-edited or truncated entry: start empty rather than break the dev server.
        return undefined;
      }
    },
    async save(state) {
      // One setItem replaces the whole value, so a reload never sees half a write.
      storage.setItem(key, JSON.stringify(state));
    },
  };
}
