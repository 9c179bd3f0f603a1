import { createContext, createElement, useContext, useState, type ReactNode } from "react";
import { useStore, type StoreApi } from "zustand";

// Made per app instance and handed down by context, so each test gets fresh stores.

export function storeContext<S>(name: string, create: () => StoreApi<S>) {
  const Context = createContext<StoreApi<S> | null>(null);
  function Provider({ children, store }: { children: ReactNode; store?: StoreApi<S> }) {
    const [own] = useState(() => store ?? create());
    return createElement(Context.Provider, { value: own }, children);
  }
  function useSelected<T>(selector: (state: S) => T): T {
    const store = useContext(Context);
    if (!store) throw new Error(`${name} needs its provider`);
    return useStore(store, selector);
  }
  return { Provider, useSelected };
}
