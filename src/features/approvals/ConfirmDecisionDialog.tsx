import { OPERATOR_SCOPES, DECISIONS } from "../../protocol";
import { DeviceText } from "../../ui/DeviceText";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { focusIfOpenerGone } from "../../ui/ModalDialog";
import type { PendingConfirmation } from "./use-decisions";

// Two decisions ask first, with the safe choice focused: approving operator.admin hands over the
// whole gateway, and a rejection cannot be taken back (the device must ask again). The page
// closes this dialog when its requests leave the list (decided elsewhere, or expired).

type Props = PendingConfirmation & {
  onConfirm: () => void;
  onCancel: () => void;
  fallbackFocus: () => HTMLElement | null | undefined;
};

export function ConfirmDecisionDialog({ decision, views, onConfirm, onCancel, ...props }: Props) {
  const reject = decision === DECISIONS.rejected;
  const named = reject ? views : views.filter((view) => view.addsAdmin);
  const single = views.length === 1 ? views[0] : undefined;
  const title = reject
    ? single
      ? `Reject “${single.shownName}”?`
      : `Reject ${views.length} requests?`
    : single
      ? `Give “${single.shownName}” full control?`
      : `Approve ${views.length} requests, ${named.length} with full control?`;
  const confirm = reject
    ? single
      ? "Reject"
      : `Reject ${views.length}`
    : single
      ? "Approve full control"
      : `Approve ${views.length}, including full control`;
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirm}
      tone="danger"
      onConfirm={onConfirm}
      onCancel={onCancel}
      focusAfter={focusIfOpenerGone(props.fallbackFocus)}
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
      <ul className="confirm-devices">
        {named.map((view) => (
          <li key={view.request.requestId}>
            <strong className="truncate">
              <DeviceText value={view.name} />
            </strong>{" "}
            <span className="muted">
              {view.client} · device {view.fingerprint}
            </span>
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
