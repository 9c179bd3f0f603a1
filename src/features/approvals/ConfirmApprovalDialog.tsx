import { OPERATOR_SCOPES } from "../../protocol";
import { DeviceText } from "../../ui/DeviceText";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { focusIfOpenerGone } from "../../ui/ModalDialog";
import type { RequestView } from "./request-view";

// Approving operator.admin hands over the whole gateway: say so, name the device(s), and make
// the safe choice the one that has focus.

type Props = {
  views: RequestView[];
  onConfirm: () => void;
  onCancel: () => void;
  fallbackFocus: () => HTMLElement | null | undefined;
};

export function ConfirmApprovalDialog({ views, onConfirm, onCancel, fallbackFocus }: Props) {
  const admins = views.filter((view) => view.addsAdmin);
  const single = views.length === 1 ? views[0] : undefined;
  const title = single
    ? `Give “${single.shownName}” full control?`
    : `Approve ${views.length} requests, ${admins.length} with full control?`;
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={
        single ? "Approve full control" : `Approve ${views.length}, including full control`
      }
      tone="danger"
      onConfirm={onConfirm}
      onCancel={onCancel}
      focusAfter={focusIfOpenerGone(fallbackFocus)}
    >
      <p>
        Approving adds <code>{OPERATOR_SCOPES.admin}</code> (full control): the device can do
        everything on this gateway, including approving other devices and changing scheduled jobs.
      </p>
      <ul className="confirm-devices">
        {admins.map((view) => (
          <li key={view.request.requestId}>
            <strong className="truncate">
              <DeviceText value={view.name} />
            </strong>{" "}
            <span className="muted">
              <DeviceText value={`${view.client} · device ${view.fingerprint}`} sentence />
            </span>
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
