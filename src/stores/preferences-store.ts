import { createContext, createElement, useContext, useState, type ReactNode } from "react";
import { createStore, useStore, type StoreApi } from "zustand";
import { createJSONStorage, persist, type StateStorage } from "zustand/middleware";

// Preferences are not secrets, so they live in localStorage. Nothing else goes here.

export type PreferencesState = {
  /** Desktop notifications for new requests while the tab is hidden. */
  notifications: boolean;
  actions: {
    notificationsToggled(on: boolean): void;
  };
};

export const PREFERENCES_STORAGE_KEY = "pairdesk.preferences";

function browserStorage(): StateStorage {
  // Private modes and tests may have no usable localStorage; preferences then last a session.
  try {
    if (typeof localStorage !== "undefined") return localStorage;
  } catch {
    /* fall through */
  }
  const memory = new Map<string, string>();
  return {
    getItem: (name) => memory.get(name) ?? null,
    setItem: (name, value) => void memory.set(name, value),
    removeItem: (name) => void memory.delete(name),
  };
}

export function createPreferencesStore(
  storage: StateStorage = browserStorage(),
): StoreApi<PreferencesState> {
  return createStore<PreferencesState>()(
    persist(
      (set) => ({
        notifications: false,
        actions: {
          notificationsToggled: (notifications) => set({ notifications }),
        },
      }),
      {
        name: PREFERENCES_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: (state) => ({ notifications: state.notifications }),
      },
    ),
  );
}

const PreferencesStoreContext = createContext<StoreApi<PreferencesState> | null>(null);

export function PreferencesStoreProvider({
  children,
  store,
}: {
  children: ReactNode;
  store?: StoreApi<PreferencesState>;
}) {
  const [own] = useState(() => store ?? createPreferencesStore());
  return createElement(PreferencesStoreContext.Provider, { value: own }, children);
}

export function usePreferences<T>(selector: (state: PreferencesState) => T): T {
  const store = useContext(PreferencesStoreContext);
  if (!store) throw new Error("usePreferences needs a <PreferencesStoreProvider>");
  return useStore(store, selector);
}

export function usePreferencesActions(): PreferencesState["actions"] {
  return usePreferences((state) => state.actions);
}
