import type { PersistedState, StateStore } from "./types";

// An in-memory StateStore for tests and the browser: copies on the way in and out, so the
// gateway can never mutate what was "written".

export type MemoryStateStore = StateStore & {
  /** What was last saved (a copy), or undefined before the first save. */
  current(): PersistedState | undefined;
  saveCount(): number;
};

export function createMemoryStateStore(initial?: PersistedState): MemoryStateStore {
  let saved = initial ? structuredClone(initial) : undefined;
  let saves = 0;
  return {
    load: () => Promise.resolve(saved ? structuredClone(saved) : undefined),
    save(state) {
      saved = structuredClone(state);
      saves += 1;
      return Promise.resolve();
    },
    current: () => (saved ? structuredClone(saved) : undefined),
    saveCount: () => saves,
  };
}

/** Short alias used by the adapters. */
export const createMemoryStore = createMemoryStateStore;
