import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { HistoryStoreContext } from "../api/history-store";
import { PairFeedContext } from "../api/pair-events";
import { CredentialStoreContext } from "../gateway/credential-context";
import { GatewayConnectionContext } from "../gateway/context";
import { ApprovalsStoreProvider } from "../stores/approvals-store";
import { ConnectionStoreProvider } from "../stores/connection-store";
import { PreferencesStoreProvider } from "../stores/preferences-store";
import { ClockContext } from "../ui/clock";
import type { AppDeps } from "./create-app";

export function AppProviders({ deps, children }: { deps: AppDeps; children: ReactNode }) {
  return (
    <QueryClientProvider client={deps.queryClient}>
      <GatewayConnectionContext.Provider value={deps.connection}>
        <CredentialStoreContext.Provider value={deps.credentials}>
          <ConnectionStoreProvider store={deps.connectionStore}>
            <ClockContext.Provider value={deps.now}>
              <PairFeedContext.Provider value={deps.pairFeed}>
                <HistoryStoreContext.Provider value={deps.history}>
                  <PreferencesStoreProvider>
                    <ApprovalsStoreProvider>{children}</ApprovalsStoreProvider>
                  </PreferencesStoreProvider>
                </HistoryStoreContext.Provider>
              </PairFeedContext.Provider>
            </ClockContext.Provider>
          </ConnectionStoreProvider>
        </CredentialStoreContext.Provider>
      </GatewayConnectionContext.Provider>
    </QueryClientProvider>
  );
}
