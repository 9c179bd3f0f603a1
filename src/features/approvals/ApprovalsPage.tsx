import { Suspense, useRef, useState } from "react";
import { readGatewayError } from "../../gateway/gateway-errors";
import { hrefFor, useRouteMatch } from "../../routing/router";
import { useApprovalsActions } from "../../stores/approvals-store";
import { useNow } from "../../ui/clock";
import { DeviceText } from "../../ui/DeviceText";
import "./approvals.css";
import { ActivityNotes } from "./ActivityNotes";
import { EmptyState } from "./EmptyState";
import { NotificationsToggle } from "./NotificationsToggle";
import { openDetails, RequestsPanel } from "./RequestsPanel";
import { useApprovalsView } from "./use-approvals-view";
import type { RequestView } from "./request-view";
import { useDecisions } from "./use-decisions";
import { useDetailsRoute } from "./use-details-route";
import { useLiveUpdates } from "./use-live-updates";
import { usePendingTitle } from "./use-pending-title";
import { useActiveRow } from "../../ui/use-active-row";
import { useShortcuts } from "../../ui/use-shortcuts";
import { lazyNamed } from "../../ui/lazy-named";

const COUNTDOWN_TICK_MS = 1000;
const idOf = (view: RequestView) => view.request.requestId;

// Dialogs load on demand, like a route (the first load stays under 130 KB).
const RequestDetailsDialog = lazyNamed(
  () => import("./RequestDetailsDialog"),
  "RequestDetailsDialog",
);
const ConfirmDecisionDialog = lazyNamed(
  () => import("./ConfirmDecisionDialog"),
  "ConfirmDecisionDialog",
);
const ElevationNeeds = lazyNamed(() => import("./ElevationNeeds"), "ElevationNeeds");
const ShortcutsHelpDialog = lazyNamed(
  () => import("../../ui/ShortcutsHelpDialog"),
  "ShortcutsHelpDialog",
);

export function ApprovalsPage() {
  const now = useNow(COUNTDOWN_TICK_MS);
  const view = useApprovalsView();
  const { query, live, visible } = view;
  const actions = useApprovalsActions();
  const row = useActiveRow(visible, idOf);
  const current = row.current;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const decisions = useDecisions((decided) => {
    const gone = new Set(decided.map((v) => v.request.requestId));
    const at = visible.findIndex((v) => gone.has(v.request.requestId));
    const rest = visible.filter((v) => !gone.has(v.request.requestId));
    const next = rest[Math.min(Math.max(at, 0), rest.length - 1)];
    if (!next) return headingRef.current?.focus();
    row.focusOn(next.request.requestId);
  });
  const { approveRequested: approve, rejectRequested: reject } = decisions;
  const { announcement } = useLiveUpdates();
  const details = useDetailsRoute(useRouteMatch(), live, query.isSuccess);
  const [helpOpen, setHelpOpen] = useState(false);
  // A dialog whose opener left (a decided row) hands focus to the heading.
  const focusAfter = (openerConnected: boolean) =>
    openerConnected ? undefined : headingRef.current;
  usePendingTitle(live.length);

  useShortcuts(true, {
    move: row.move,
    approve: () => current && approve([current]),
    reject: () => current && reject([current]),
    toggle: () => current && actions.requestToggled(current.request.requestId),
    openDetails: () => current && openDetails(current.request.requestId),
    help: () => setHelpOpen(true),
  });

  return (
    <section aria-labelledby="approvals-heading" className="approvals">
      <div className="approvals-header">
        <h2 id="approvals-heading" ref={headingRef} tabIndex={-1}>
          Pending requests{live.length > 0 && <span className="count"> ({live.length})</span>}
        </h2>
        <NotificationsToggle />
        <button type="button" className="link" onClick={() => setHelpOpen(true)}>
          Keyboard shortcuts
        </button>
      </div>
      <p aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      <ActivityNotes />
      {query.isError ? (
        <div role="alert" className="load-error">
          Could not read pending requests:{" "}
          <DeviceText value={readGatewayError(query.error).message} sentence />{" "}
          <button type="button" onClick={() => void query.refetch()}>
            Try again
          </button>
        </div>
      ) : query.isPending ? (
        <p className="muted">
          {query.fetchStatus === "fetching"
            ? "Loading pending requests…"
            : "Not connected to a gateway yet: requests appear here once connected."}
        </p>
      ) : live.length === 0 ? (
        <EmptyState />
      ) : (
        <RequestsPanel
          view={view}
          now={now}
          activeId={current?.request.requestId}
          focusNonce={row.focusNonce}
          onActivate={row.setActiveId}
          approve={approve}
          reject={reject}
        />
      )}
      {details.open && !decisions.confirmation && !decisions.elevation && (
        <Suspense fallback={null}>
          <RequestDetailsDialog
            view={details.view}
            lastSeen={details.lastSeen}
            now={now}
            listHref={hrefFor({ name: "approvals" })}
            onClose={details.close}
            onApprove={(v) => {
              details.close();
              approve([v]);
            }}
            onReject={(v) => {
              details.close();
              reject([v]);
            }}
            focusAfter={focusAfter}
          />
        </Suspense>
      )}
      <Suspense fallback={null}>
        {decisions.confirmation && (
          <ConfirmDecisionDialog
            {...decisions.confirmation}
            live={live}
            onConfirm={decisions.confirmationAccepted}
            onCancel={decisions.confirmationCancelled}
            focusAfter={focusAfter}
          />
        )}
        {decisions.elevation && (
          <ElevationNeeds
            {...decisions.elevation}
            onConfirm={decisions.elevationAccepted}
            onCancel={decisions.elevationCancelled}
            focusAfter={focusAfter}
          />
        )}
      </Suspense>
      {helpOpen && (
        <Suspense fallback={null}>
          <ShortcutsHelpDialog onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
    </section>
  );
}
