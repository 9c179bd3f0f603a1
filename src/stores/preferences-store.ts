import { createStore, type StoreApi } from "zustand";
import { createJSONStorage, persist, type StateStorage } from "zustand/middleware";
import { storeContext } from "./store-context";

// Preferences are not secrets, so they live in localStorage. Nothing else goes here.

export type PreferencesState = {
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

const context = storeContext("usePreferences", () => createPreferencesStore());
export const PreferencesStoreProvider = context.Provider;
export const usePreferences = context.useSelected;

export function usePreferencesActions(): PreferencesState["actions"] {
  return usePreferences((state) => state.actions);
}
