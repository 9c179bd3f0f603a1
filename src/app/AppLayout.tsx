import { lazy, Suspense } from "react";
import { ApprovalsPage } from "../features/approvals/ApprovalsPage";
import { ConnectPage } from "../features/connect/ConnectPage";
import { ConnectionControls } from "../features/connect/ConnectionControls";
import { ProblemNotice } from "../features/connect/ProblemNotice";
import { missingScopeProblem } from "../gateway/connect-problems";
import { OPERATOR_SCOPES } from "../protocol";
import { Link, useRouteMatch } from "../routing/router";
import { useConnectionStatus, useHasConnected } from "../stores/connection-store";
import { ProtocolNotice } from "../ui/ProtocolNotice";
import { ConnectionStatus } from "./ConnectionStatus";
import { NavBar } from "./NavBar";

const DevicesPage = lazy(() =>
  import("../features/devices/DevicesPage").then((module) => ({ default: module.DevicesPage })),
);
const NodesPage = lazy(() =>
  import("../features/nodes/NodesPage").then((module) => ({ default: module.NodesPage })),
);
const HistoryPage = lazy(() =>
  import("../features/history/HistoryPage").then((module) => ({ default: module.HistoryPage })),
);

export function AppLayout() {
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Pairdesk</h1>
        <NavBar />
        <div className="connection">
          <ConnectionStatus />
          <ConnectionControls />
        </div>
      </header>
      <main className="app-main">
        <MainContent />
      </main>
    </div>
  );
}

function MainContent() {
  const status = useConnectionStatus();
  const hasConnected = useHasConnected();
  if (status.kind !== "connected" && !(status.kind === "reconnecting" && hasConnected)) {
    return <ConnectPage />;
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
  if (scopes.includes(OPERATOR_SCOPES.pairing) || scopes.includes(OPERATOR_SCOPES.admin))
    return null;
  return <ProblemNotice problem={missingScopeProblem(OPERATOR_SCOPES.pairing)} />;
}

function RoutedScreen() {
  const route = useRouteMatch();
  switch (route?.name) {
    case "approvals":
    case "request":
      return <ApprovalsPage />;
    case "devices":
    case "device":
      return (
        <Suspense fallback={<ScreenLoading />}>
          <DevicesPage />
        </Suspense>
      );
    case "nodes":
      return (
        <Suspense fallback={<ScreenLoading />}>
          <NodesPage />
        </Suspense>
      );
    case "history":
      return (
        <Suspense fallback={<ScreenLoading />}>
          <HistoryPage />
        </Suspense>
      );
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

function ScreenLoading() {
  return <p className="screen-loading">Loading…</p>;
}
