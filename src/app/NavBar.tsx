import type { ReactNode } from "react";
import { useNodePairList } from "../api/node-pairs";
import { usePendingRequests } from "../api/pair-list";
import { Link, useRouteMatch, type Route } from "../routing/router";
import { useConnectionStatus } from "../stores/connection-store";

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
        Nodes <NodeBadge />
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
  const { kind } = useConnectionStatus();
  return kind === "connected" || kind === "reconnecting" ? <PendingCount /> : null;
}

function NodeBadge() {
  return <Count count={useNodePairList().data?.pending.length ?? 0} />;
}

function PendingCount() {
  return <Count count={usePendingRequests().pending.length} />;
}

function Count({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="badge">
      {count}
      <span className="visually-hidden"> pending</span>
    </span>
  );
}
