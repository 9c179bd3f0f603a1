import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { startHistoryRecorder } from "../api/history-recorder";
import { HistoryStoreContext } from "../api/history-store";
import { PairFeedContext } from "../api/pair-events";
import { CredentialStoreContext } from "../gateway/credential-context";
import { GatewayConnectionContext } from "../gateway/context";
import { ApprovalsStoreProvider } from "../stores/approvals-store";
import { ConnectionStoreProvider } from "../stores/connection-store";
import { PreferencesStoreProvider } from "../stores/preferences-store";
import { ClockContext } from "../ui/clock";
import { resumeSavedConnection, type AppDeps } from "./create-app";

export function AppProviders({ deps, children }: { deps: AppDeps; children: ReactNode }) {
  useConnectionBridge(deps);
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

function useConnectionBridge(deps: AppDeps) {
  const { connection, connectionStore, queryClient, pairFeed, history } = deps;
  useEffect(() => {
    const stopRecorder = startHistoryRecorder(pairFeed, history, queryClient);
    const stopFeed = pairFeed.start();
    return () => {
      stopFeed();
      stopRecorder();
    };
  }, [pairFeed, history, queryClient]);

  useEffect(() => {
    const { statusChanged } = connectionStore.getState().actions;
    statusChanged(connection.status);
    return connection.onStatus((status) => {
      // A new gateway, a refusal or a disconnect: data from before must not stay on screen.
      if (["connecting", "failed", "disconnected"].includes(status.kind)) queryClient.clear();
      statusChanged(status);
    });
  }, [connection, connectionStore, queryClient]);

  useEffect(() => resumeSavedConnection(deps), [deps]);
}
