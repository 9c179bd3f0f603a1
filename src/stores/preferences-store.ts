import { createStore, type StoreApi } from "zustand";
import type { StateStorage } from "zustand/middleware";
import { isRecord } from "../protocol";
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
  return createStore<PreferencesState>()((set) => ({
    notifications: storedNotifications(storage),
    actions: {
      notificationsToggled: (notifications) => {
        set({ notifications });
        // The shape zustand's persist middleware wrote, so earlier choices still read.
        const stored = { state: { notifications }, version: 1 };
        storage.setItem(PREFERENCES_STORAGE_KEY, JSON.stringify(stored));
      },
    },
  }));
}

function storedNotifications(storage: StateStorage): boolean {
  try {
    const stored: unknown = JSON.parse(String(storage.getItem(PREFERENCES_STORAGE_KEY)));
    return isRecord(stored) && isRecord(stored.state) && stored.state.notifications === true;
  } catch {
    return false;
  }
}

const context = storeContext("usePreferences", () => createPreferencesStore());
export const PreferencesStoreProvider = context.Provider;
export const usePreferences = context.useSelected;

export const usePreferencesActions = () => usePreferences((state) => state.actions);
