import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { useDecideRequests, type DecisionResult } from "../../api/pair-mutations";
import { DECISIONS, type Decision } from "../../protocol";
import { useApprovalsActions, type ResolutionNote } from "../../stores/approvals-store";
import { useGatewayConnection } from "../../gateway/context";
import { scopesToAdd } from "../../policy";
import type { RequestView } from "./request-view";

// The gateway would refuse an approval lacking scopes: reconnecting is offered first.

export type PendingConfirmation = { decision: Decision; views: RequestView[] };
export type PendingElevation = { views: RequestView[]; scopes: string[] };

const VERB: Record<Decision, string> = { approved: "approve", rejected: "reject" };
const VERBING: Record<Decision, string> = { approved: "approving", rejected: "rejecting" };

function noteFor(result: DecisionResult, name: string): Omit<ResolutionNote, "id"> {
  const { requestId, decision } = result;
  const note = (tone: ResolutionNote["tone"], text: string) => ({ requestId, tone, text });
  const dropped = `The connection dropped while ${VERBING[decision]} “${name}”; after reconnecting,`;
  switch (result.status) {
    case "done":
      return note("success", `“${name}” ${decision} here.`);
    case "already-handled":
      return note("info", `“${name}” was already handled or has expired; the list was re-read.`);
    case "failed":
      return note(
        "error",
        `Could not ${VERB[decision]} “${name}”: ${result.message}. It is back in the list.`,
      );
  }
  switch (result.outcome) {
    case "pending":
      return note("error", `${dropped} the request is still pending.`);
    case "applied":
      return note("success", `${dropped} the request is gone, so it was ${decision}.`);
    case "gone":
      return note(
        "info",
        `${dropped} the request is gone, but not ${decision} here: it was handled elsewhere or expired.`,
      );
  }
}

/** `onSent`: the decision went out for these requests (the page moves focus on). */
export function useDecisions(onSent?: (views: readonly RequestView[]) => void) {
  const actions = useApprovalsActions();
  // Names captured when the admin acted: the request has left the list by the time we report.
  const names = useRef(new Map<string, string>());
  const { approve, reject } = useDecideRequests((results) => {
    actions.notesAdded(
      results.map((result) =>
        noteFor(result, names.current.get(result.requestId) ?? result.requestId),
      ),
    );
    results.forEach((result) => names.current.delete(result.requestId));
  });
  const connection = useGatewayConnection();
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);
  const [elevation, setElevation] = useState<PendingElevation | null>(null);
  const latest = useRef({ approve, reject, actions, confirmation, elevation, onSent });
  useLayoutEffect(() => {
    latest.current = { approve, reject, actions, confirmation, elevation, onSent };
  });

  // Stable callbacks (memoised rows do not re-render every tick), reading the latest state.
  const callbacks = useMemo(() => {
    const send = (decision: Decision, views: readonly RequestView[]) => {
      const { approve, reject, actions, onSent } = latest.current;
      views.forEach((view) => names.current.set(view.request.requestId, view.shownName));
      const ids = views.map((view) => view.request.requestId);
      actions.requestsLeft(ids);
      if (decision === DECISIONS.approved) approve(ids);
      else reject(ids);
      onSent?.(views);
    };
    return {
      approveRequested(views: readonly RequestView[]) {
        if (views.length === 0) return;
        const needed = views.flatMap((view) => view.missingScopes);
        const lacking = scopesToAdd([], needed);
        if (lacking.length > 0) {
          setElevation({ views: [...views], scopes: lacking });
          return;
        }
        if (views.some((view) => view.addsAdmin)) {
          // Fixed now: requests that arrive while the dialog is open are not swept in.
          setConfirmation({ decision: DECISIONS.approved, views: [...views] });
          return;
        }
        send(DECISIONS.approved, views);
      },
      rejectRequested(views: readonly RequestView[]) {
        if (views.length > 0) setConfirmation({ decision: DECISIONS.rejected, views: [...views] });
      },
      /** `views`: those of the confirmation still waiting (the rest left while it was open). */
      confirmationAccepted(views: readonly RequestView[]) {
        const pending = latest.current.confirmation;
        if (pending && views.length > 0) send(pending.decision, views);
        setConfirmation(null);
      },
      confirmationCancelled: () => setConfirmation(null),
      elevationAccepted() {
        const pending = latest.current.elevation;
        // The approval itself stays the person's next step, once the new scopes are held.
        if (pending) connection.requestScopes(pending.scopes);
        setElevation(null);
      },
      elevationCancelled: () => setElevation(null),
    };
  }, [connection]);

  return { confirmation, elevation, ...callbacks };
}
