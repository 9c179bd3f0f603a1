import { Suspense, useEffect } from "react";
import { ApprovalsPage } from "../features/approvals/ApprovalsPage";
import { ConnectPage } from "../features/connect/ConnectPage";
import { ConnectionControls } from "../features/connect/ConnectionControls";
import { ProblemNotice } from "../features/connect/ProblemNotice";
import { usePairList } from "../api/pair-list";
import { REQUESTED_SCOPES } from "../gateway/client-info";
import { missingScopeProblem } from "../gateway/connect-problems";
import { approvedScopesOf, missingScopes, scopesSatisfy } from "../policy";
import { OPERATOR_SCOPES } from "../protocol";
import { Link, useRouteMatch, type Route } from "../routing/router";
import { useApprovalsActions } from "../stores/approvals-store";
import { useConnectionStatus, useHasConnected } from "../stores/connection-store";
import { ErrorBoundary } from "../ui/ErrorBoundary";
import { ProtocolNotice } from "../ui/ProtocolNotice";
import { ConnectionStatus } from "./ConnectionStatus";
import { NavBar } from "./NavBar";
import { lazyNamed } from "../ui/lazy-named";

const DevicesPage = lazyNamed(() => import("../features/devices/DevicesPage"), "DevicesPage");
const StandingAccess = lazyNamed(() => import("./StandingAccess"), "StandingAccess");
const NodesPage = lazyNamed(() => import("../features/nodes/NodesPage"), "NodesPage");
const HistoryPage = lazyNamed(() => import("../features/history/HistoryPage"), "HistoryPage");

export function AppLayout() {
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Pairdesk</h1>
        <NavBar />
        <div className="connection">
          <ConnectionStatus />
          <StandingAccessIfAny />
          <ConnectionControls />
        </div>
      </header>
      <main className="app-main">
        <MainContent />
      </main>
    </div>
  );
}

/** Loaded only once this browser's device is approved for more than Pairdesk asks for. */
function StandingAccessIfAny() {
  const status = useConnectionStatus();
  const { data } = usePairList();
  const self = status.kind === "connected" ? status.deviceId : undefined;
  const own = data?.paired.find((device) => device.deviceId === self);
  const approved = own ? approvedScopesOf(own) : [];
  if (status.kind !== "connected" || !missingScopes(REQUESTED_SCOPES, approved).length) return null;
  return (
    <Suspense fallback={null}>
      <StandingAccess approved={approved} url={status.url} version={status.serverVersion} />
    </Suspense>
  );
}

function MainContent() {
  const status = useConnectionStatus();
  const hasConnected = useHasConnected();
  const { notesCleared } = useApprovalsActions();
  const route = useRouteMatch();
  // Notes about decisions belong to the connection they were made on.
  useEffect(() => {
    if (status.kind !== "connected") notesCleared();
  }, [status.kind, notesCleared]);
  if (status.kind !== "connected" && !(status.kind === "reconnecting" && hasConnected)) {
    // History is kept in this browser: readable without a gateway.
    return route?.name === "history" ? <RoutedScreen /> : <ConnectPage />;
  }
  return (
    <>
      {status.kind === "connected" ? <ScopeNotice scopes={status.scopes} /> : null}
      {status.kind === "reconnecting" && status.problem ? (
        <ProblemNotice problem={status.problem} />
      ) : null}
      <ProtocolNotice />
      <RoutedScreen />
    </>
  );
}

/** Connected, but without the scope every screen here needs: say so before anything fails. */
function ScopeNotice({ scopes }: { scopes: string[] }) {
  if (scopesSatisfy(scopes, [OPERATOR_SCOPES.pairing])) return null;
  return <ProblemNotice problem={missingScopeProblem(OPERATOR_SCOPES.pairing)} />;
}

/** A screen that fails says so in its place; the header and the navigation keep working. */
function RoutedScreen() {
  const route = useRouteMatch();
  const id =
    route?.name === "request" ? route.requestId : route?.name === "device" ? route.deviceId : "";
  return (
    <ErrorBoundary what="this screen" id={id} resetKey={`${route?.name} ${id}`}>
      <Suspense fallback={<p className="screen-loading">Loading…</p>}>
        <Screen route={route} />
      </Suspense>
    </ErrorBoundary>
  );
}

function Screen({ route }: { route: Route | null }) {
  switch (route?.name) {
    case "approvals":
    case "request":
      return <ApprovalsPage />;
    case "devices":
    case "device":
      return <DevicesPage />;
    case "nodes":
      return <NodesPage />;
    case "history":
      return <HistoryPage />;
    default:
      return (
        <section aria-labelledby="not-found-heading">
          <h2 id="not-found-heading">Page not found</h2>
          <p>
            Nothing lives at this address. <Link to={{ name: "approvals" }}>Go to Requests</Link>
          </p>
        </section>
      );
  }
}
