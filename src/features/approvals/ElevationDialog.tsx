import { elevationRoute, elevationWords } from "../../gateway/elevation";
import { OPERATOR_SCOPES, ROLES } from "../../protocol";
import { useConnectionStatus } from "../../stores/connection-store";
import { DeviceText } from "../../ui/DeviceText";
import { SENTENCE_LIMIT, shownText } from "../../ui/display-text";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { focusIfOpenerGone } from "../../ui/ModalDialog";
import type { RequestView } from "./request-view";

// The gateway refuses an approval that grants scopes the approver does not hold.

type Props = {
  views: RequestView[];
  scopes: string[];
  held: readonly string[];
  onConfirm: () => void;
  onCancel: () => void;
  fallbackFocus: () => HTMLElement | null | undefined;
};

export function ElevationDialog({
  views,
  scopes,
  held,
  onConfirm,
  onCancel,
  fallbackFocus,
}: Props) {
  const lacking = views.filter((view) => view.missingScopes.length > 0);
  const single = views.length === 1 ? views[0] : undefined;
  const otherRole = lacking.some((view) =>
    [view.request.role, ...view.request.roles].some((role) => role && role !== ROLES.operator),
  );
  const list = scopes.join(", ");
  const status = useConnectionStatus();
  const version = status.kind === "connected" ? status.serverVersion : undefined;
  const url = "url" in status ? (status.url ?? "") : "";
  // The button and the note quote the scopes as plain text: markers for hidden characters, cut.
  const quoted = shownText(list, SENTENCE_LIMIT);
  const how = elevationWords(elevationRoute(url, version), quoted, version);
  return (
    <ConfirmDialog
      title={
        single
          ? `Reconnect to approve “${single.shownName}”?`
          : `Reconnect to approve ${views.length} requests?`
      }
      confirmLabel={how.confirm}
      tone="primary"
      onConfirm={onConfirm}
      onCancel={onCancel}
      focusAfter={focusIfOpenerGone(fallbackFocus)}
    >
      <p>
        The gateway only lets you grant scopes you hold. This session holds{" "}
        {held.length > 0 ? held.join(", ") : "no scopes"}; approving needs{" "}
        <DeviceText value={list} sentence />.
      </p>
      {otherRole && (
        <p>
          Only a session holding <code>{OPERATOR_SCOPES.admin}</code> may approve a role other than
          operator.
        </p>
      )}
      {!single && (
        <ul className="confirm-devices">
          {lacking.map((view) => (
            <li key={view.request.requestId}>
              <strong className="truncate">
                <DeviceText value={view.name} />
              </strong>{" "}
              <span className="muted">
                <DeviceText value={`needs ${view.missingScopes.join(", ")}`} sentence />
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        Pairdesk asks the gateway for <DeviceText value={list} sentence /> for this tab only, until
        you disconnect. Nothing is approved yet: approve again once connected. {how.note}
      </p>
    </ConfirmDialog>
  );
}
