import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { historyRecorderOptions } from "../api/history-wiring";
import { CredentialStoreContext } from "../gateway/credential-context";
import { GatewayConnectionContext } from "../gateway/context";
import { ApprovalsStoreProvider } from "../stores/approvals-store";
import { ConnectionStoreContext } from "../stores/connection-store";
import { PreferencesStoreProvider } from "../stores/preferences-store";
import { ClockContext } from "../ui/clock";
import type { AppDeps } from "./create-app";
import { deferHistoryRecorder } from "./deferred-recorder";
import { afterFirstScreen } from "./first-screen";
import { HistoryLoaderContext } from "./history-loader";

/** The one place the connection, the query cache and the stores meet. */
export function AppProviders({ deps, children }: { deps: AppDeps; children: ReactNode }) {
  useConnectionBridge(deps);
  return (
    <QueryClientProvider client={deps.queryClient}>
      <GatewayConnectionContext.Provider value={deps.connection}>
        <CredentialStoreContext.Provider value={deps.credentials}>
          <ConnectionStoreContext.Provider value={deps.connectionStore}>
            <ClockContext.Provider value={deps.now}>
              <HistoryLoaderContext.Provider value={deps.history}>
                <PreferencesStoreProvider>
                  <ApprovalsStoreProvider>{children}</ApprovalsStoreProvider>
                </PreferencesStoreProvider>
              </HistoryLoaderContext.Provider>
            </ClockContext.Provider>
          </ConnectionStoreContext.Provider>
        </CredentialStoreContext.Provider>
      </GatewayConnectionContext.Provider>
    </QueryClientProvider>
  );
}

function useConnectionBridge({
  connection,
  connectionStore,
  queryClient,
  credentials,
  history,
}: AppDeps) {
  useEffect(() => {
    // Events are kept from now on; the log's code loads once the first screen is shown.
    const recorder = deferHistoryRecorder(connection, history, historyRecorderOptions(queryClient));
    const cancel = afterFirstScreen(queryClient, recorder.start);
    return () => {
      cancel();
      recorder.stop();
    };
  }, [connection, history, queryClient]);

  useEffect(() => {
    const { statusChanged } = connectionStore.getState().actions;
    statusChanged(connection.status);
    return connection.onStatus((status) => {
      // A new gateway, a refusal or a disconnect: data from before must not stay on screen.
      if (
        status.kind === "connecting" ||
        status.kind === "failed" ||
        status.kind === "disconnected"
      ) {
        queryClient.clear();
      }
      statusChanged(status);
    });
  }, [connection, connectionStore, queryClient]);

  useEffect(() => {
    // Reload within a session (or a remembered gateway): pick up where the person left off.
    // Guarded by status, so StrictMode's second effect run does not connect twice.
    const saved = credentials.load();
    if (saved?.autoConnect && connection.status.kind === "idle") {
      connection.connect({
        url: saved.url,
        secret: saved.secret,
        secretKind: saved.secretKind,
        remember: saved.remember,
      });
    }
  }, [connection, credentials]);
}
