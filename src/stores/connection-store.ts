import { createContext, useContext } from "react";
import { createStore, useStore, type StoreApi } from "zustand";
import type { ConnectionStatus } from "../gateway/types";

// Client state about the connection only; gateway data lives in the query cache.

export type ConnectionState = {
  status: ConnectionStatus;
  /**
   * True once the current connect reached hello. A drop after that keeps the screens up while
   * reconnecting; a first attempt that never got in keeps the connect form up instead.
   */
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

export const ConnectionStoreContext = createContext<ConnectionStore | null>(null);

function useConnectionStore<T>(selector: (state: ConnectionState) => T): T {
  const store = useContext(ConnectionStoreContext);
  if (!store) throw new Error("useConnectionStore needs a <ConnectionStoreContext.Provider>");
  return useStore(store, selector);
}

export const useConnectionStatus = () => useConnectionStore((state) => state.status);
export const useHasConnected = () => useConnectionStore((state) => state.hasConnected);
export const useConnectionActions = () => useConnectionStore((state) => state.actions);
