import { Suspense, type ReactNode } from "react";
import { usePendingRequests } from "../api/pair-list";
import { Link, useRouteMatch, type Route } from "../routing/router";
import { useConnectionStatus } from "../stores/connection-store";
import { CountBadge } from "../ui/CountBadge";
import { lazyNamed } from "../ui/lazy-named";

// Loaded after the first screen, with the node records it reads.
const NodeBadge = lazyNamed(() => import("./NodeBadge"), "NodeBadge");

export function NavBar() {
  const route = useRouteMatch();
  const onRequests = route?.name === "approvals" || route?.name === "request";
  const onDevices = route?.name === "devices" || route?.name === "device";
  return (
    <nav aria-label="Main" className="app-nav">
      <NavItem to={{ name: "approvals" }} current={onRequests}>
        Requests <PendingBadge />
      </NavItem>
      <NavItem to={{ name: "devices" }} current={onDevices}>
        Devices
      </NavItem>
      <NavItem to={{ name: "nodes" }} current={route?.name === "nodes"}>
        Nodes{" "}
        <Suspense fallback={null}>
          <NodeBadge />
        </Suspense>
      </NavItem>
      <NavItem to={{ name: "history" }} current={route?.name === "history"}>
        History
      </NavItem>
    </nav>
  );
}

function NavItem({ to, current, children }: { to: Route; current: boolean; children: ReactNode }) {
  return (
    <Link to={to} aria-current={current ? "page" : undefined} className="nav-item">
      {children}
    </Link>
  );
}

function PendingBadge() {
  const status = useConnectionStatus();
  if (status.kind !== "connected" && status.kind !== "reconnecting") return null;
  return <PendingCount />;
}

function PendingCount() {
  return <CountBadge count={usePendingRequests().pending.length} />;
}
