import { copyJson } from "./json-copy";
import type { PersistedState, StateStore } from "./types";

// An in-memory StateStore for tests and the browser. What it hands out is a copy, so the
// gateway can never mutate what was "written". A save keeps the state it is given: the
// gateway hands over a snapshot of its own (GatewayState.snapshot) and never touches it
// again, and copying 20,000 records a second time would double the cost of every save.

export type MemoryStateStore = StateStore & {
  /** What was last saved (a copy), or undefined before the first save. */
  current(): PersistedState | undefined;
  saveCount(): number;
};

export function createMemoryStateStore(initial?: PersistedState): MemoryStateStore {
  let saved = initial ? copyJson(initial) : undefined;
  let saves = 0;
  return {
    load: () => Promise.resolve(saved ? copyJson(saved) : undefined),
    save(state) {
      saved = state;
      saves += 1;
      return Promise.resolve();
    },
    current: () => (saved ? copyJson(saved) : undefined),
    saveCount: () => saves,
  };
}

/** Short alias used by the adapters. */
export const createMemoryStore = createMemoryStateStore;
