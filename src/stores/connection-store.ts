import { createStore, type StoreApi } from "zustand";
import type { ConnectionStatus } from "../gateway/types";
import { storeContext } from "./store-context";

export type ConnectionState = {
  status: ConnectionStatus;
  hasConnected: boolean;
  actions: {
    statusChanged: (status: ConnectionStatus) => void;
  };
};

export type ConnectionStore = StoreApi<ConnectionState>;

export function createConnectionStore(
  initial: ConnectionStatus = { kind: "idle" },
): ConnectionStore {
  return createStore<ConnectionState>()((set) => ({
    status: initial,
    hasConnected: initial.kind === "connected",
    actions: {
      statusChanged: (status) =>
        set((state) => ({
          status,
          hasConnected:
            status.kind === "connected" || (status.kind === "reconnecting" && state.hasConnected),
        })),
    },
  }));
}

const context = storeContext("useConnectionStore", () => createConnectionStore());
export const ConnectionStoreProvider = context.Provider;
const useConnectionStore = context.useSelected;

export const useConnectionStatus = () => useConnectionStore((state) => state.status);
export const useHasConnected = () => useConnectionStore((state) => state.hasConnected);
