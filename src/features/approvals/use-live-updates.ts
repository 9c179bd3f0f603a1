import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { usePairOutcomes } from "../../api/pair-events";
import { pairListQueryKey } from "../../api/pair-list";
import type { PairOutcome } from "../../api/pair-list-reducer";
import { requestName } from "../../policy";
import { DECISIONS, type PairList, type PendingRequest } from "../../protocol";
import { useApprovalsActions, type ResolutionNote } from "../../stores/approvals-store";
import { usePreferences } from "../../stores/preferences-store";
import { shownText } from "../../ui/display-text";
import { KIND_LABELS, toRequestView } from "./request-view";

function resolvedNote(
  outcome: PairOutcome & { kind: "resolved" | "expired" },
  request: PendingRequest,
  name: string,
): Omit<ResolutionNote, "id"> {
  const { requestId } = request;
  if (outcome.kind === "expired") return { requestId, tone: "info", text: `“${name}” expired.` };
  const verb = outcome.resolved.decision === DECISIONS.approved ? "approved" : "rejected";
  return { requestId, tone: "info", text: `“${name}” ${verb} elsewhere.` };
}

function notifyDesktop(count: number, first: string) {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  if (typeof document === "undefined" || document.visibilityState !== "hidden") return;
  // Only a name and a kind: never ids, addresses or anything that could be a secret.
  const body = count === 1 ? first : `${count} devices are waiting for approval.`;
  new Notification("Pairing request waiting", { body, tag: "pairdesk-pending" });
}

export function useLiveUpdates(): { announcement: string } {
  const actions = useApprovalsActions();
  const notificationsOn = usePreferences((state) => state.notifications);
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState("");

  usePairOutcomes((outcomes) => {
    const list = queryClient.getQueryData<PairList>(pairListQueryKey);
    const paired = new Map(list?.paired.map((device) => [device.deviceId, device]));
    const nameOf = (request: PendingRequest) =>
      shownText(requestName(request, paired.get(request.deviceId)));
    const notes: Omit<ResolutionNote, "id">[] = [];
    // Only the first arrival is named (one is announced by name, more by their count).
    let arrived = 0;
    let firstArrived = "";
    const left: string[] = [];
    for (const outcome of outcomes) {
      if (outcome.kind === "requested") {
        if (arrived === 0) {
          const view = toRequestView(outcome.request, paired.get(outcome.request.deviceId));
          firstArrived = `${view.shownName} (${KIND_LABELS[view.kind].toLowerCase()})`;
        }
        arrived += 1;
      } else if (outcome.kind === "superseded") {
        actions.requestSuperseded(outcome.previous.requestId, outcome.next.requestId);
        left.push(outcome.previous.requestId);
      } else if (outcome.request && !(outcome.kind === "resolved" && outcome.decidedHere)) {
        // This tab's own decisions are reported by their mutation.
        notes.push(resolvedNote(outcome, outcome.request, nameOf(outcome.request)));
        left.push(outcome.request.requestId);
      }
    }
    if (left.length > 0) actions.requestsLeft(left);
    if (notes.length > 0) actions.notesAdded(notes);
    if (arrived > 0) {
      setAnnouncement(arrived === 1 ? `New request: ${firstArrived}.` : `${arrived} new requests.`);
      if (notificationsOn) notifyDesktop(arrived, firstArrived);
    }
  });

  return { announcement };
}
