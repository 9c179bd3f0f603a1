import { createContext, useContext } from "react";
import type { CredentialStore } from "./credential-store";

export const CredentialStoreContext = createContext<CredentialStore | null>(null);

export function useCredentialStore(): CredentialStore {
  const store = useContext(CredentialStoreContext);
  if (!store) throw new Error("useCredentialStore needs a <CredentialStoreContext.Provider>");
  return store;
}
