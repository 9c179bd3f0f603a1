import { createContext, useContext } from "react";
import type { HistoryStore } from "../api/history-store";

// The history log is created on first use, not with the app: its code (the store, IndexedDB,
// the recorder) is a chunk of its own that no first screen needs. The devices and history
// screens load it with their own code (HistoryScope); the recorder after the first screen.

export type HistoryLoader = {
  /** Loads the log's code (once) and creates the store: every caller gets the same store. */
  load(): Promise<HistoryStore>;
};

export function historyLoader(create: () => Promise<HistoryStore>): HistoryLoader {
  let store: Promise<HistoryStore> | undefined;
  return {
    load() {
      // A failed chunk fetch is tried again by the next caller.
      store ??= create().catch((error: unknown) => {
        store = undefined;
        throw error;
      });
      return store;
    },
  };
}

export const HistoryLoaderContext = createContext<HistoryLoader | null>(null);

export function useHistoryLoader(): HistoryLoader {
  const loader = useContext(HistoryLoaderContext);
  if (!loader) throw new Error("useHistoryLoader needs a <HistoryLoaderContext.Provider>");
  return loader;
}
