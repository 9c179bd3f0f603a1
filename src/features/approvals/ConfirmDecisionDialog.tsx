import { useEffect, useMemo } from "react";
import { OPERATOR_SCOPES, DECISIONS } from "../../protocol";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import type { RequestView } from "./request-view";
import { NamedRequests } from "./RequestFacts";
import type { PendingConfirmation } from "./use-decisions";

// Admin hands over the gateway, a rejection is final; requests that leave meanwhile drop out.

type Props = PendingConfirmation & {
  live: readonly RequestView[];
  onConfirm: (views: RequestView[]) => void;
  onCancel: () => void;
  focusAfter: (openerConnected: boolean) => HTMLElement | null | undefined;
};

export function ConfirmDecisionDialog({ decision, live, onConfirm, onCancel, ...props }: Props) {
  const ids = useMemo(() => new Set(live.map((view) => view.request.requestId)), [live]);
  const views = props.views.filter((view) => ids.has(view.request.requestId));
  useEffect(() => {
    if (views.length === 0) onCancel();
  }, [views.length, onCancel]);
  if (views.length === 0) return null;
  const reject = decision === DECISIONS.rejected;
  const named = reject ? views : views.filter((view) => view.addsAdmin);
  const single = views.length === 1 ? views[0] : undefined;
  const [title, confirm] = reject
    ? single
      ? [`Reject “${single.shownName}”?`, "Reject"]
      : [`Reject ${views.length} requests?`, `Reject ${views.length}`]
    : single
      ? [`Give “${single.shownName}” full control?`, "Approve full control"]
      : [
          `Approve ${views.length} requests, ${named.length} with full control?`,
          `Approve ${views.length}, including full control`,
        ];
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirm}
      tone="danger"
      onConfirm={() => onConfirm(views)}
      onCancel={onCancel}
      focusAfter={props.focusAfter}
    >
      {reject ? (
        <p>
          The gateway drops {single ? "the request" : "these requests"}; a device that asks again
          files a new one.
        </p>
      ) : (
        <p>
          Approving adds <code>{OPERATOR_SCOPES.admin}</code> (full control): the device can do
          everything on this gateway, including approving other devices and changing scheduled jobs.
        </p>
      )}
      <NamedRequests
        views={named}
        detail={(view) => `${view.client} · device ${view.fingerprint}`}
      />
    </ConfirmDialog>
  );
}
