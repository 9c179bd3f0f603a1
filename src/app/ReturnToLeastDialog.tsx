import { REQUESTED_SCOPES } from "../gateway/client-info";
import type { ElevationRoute } from "../gateway/elevation";
import { wayBackWords } from "../gateway/elevation-words";
import { ConfirmDialog } from "../ui/ConfirmDialog";

type Props = { route: ElevationRoute; onConfirm: () => void; onCancel: () => void };

export function ReturnToLeastDialog({ route, ...actions }: Props) {
  return (
    <ConfirmDialog
      title="Return this browser to least privilege?"
      confirmLabel="Remove this browser's pairing and reconnect"
      tone="danger"
      {...actions}
    >
      <p>{wayBackWords(route)}</p>
      <p>Pairdesk then asks only for {REQUESTED_SCOPES.join(", ")}.</p>
    </ConfirmDialog>
  );
}
