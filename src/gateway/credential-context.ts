import { requiredContext } from "./context";
import type { CredentialStore } from "./credential-store";

export const [CredentialStoreContext, useCredentialStore] =
  requiredContext<CredentialStore>("useCredentialStore");
