import { createElement, useState, type ReactNode } from "react";
import { useStore, type StoreApi } from "zustand";
import { requiredContext } from "../gateway/context";

// Made per app instance and handed down by context, so each test gets fresh stores.

export function storeContext<S>(name: string, create: () => StoreApi<S>) {
  const [Context, useStoreApi] = requiredContext<StoreApi<S>>(name);
  function Provider({ children, store }: { children: ReactNode; store?: StoreApi<S> }) {
    const [own] = useState(() => store ?? create());
    return createElement(Context.Provider, { value: own }, children);
  }
  function useSelected<T>(selector: (state: S) => T): T {
    return useStore(useStoreApi(), selector);
  }
  return { Provider, useSelected };
}
