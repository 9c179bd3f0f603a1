import { useState } from "react";
import { REQUESTED_SCOPES } from "../gateway/client-info";
import { useGatewayConnection } from "../gateway/context";
import type { WireText } from "../protocol";
import { elevationRoute, wayBackWorks } from "../gateway/elevation";
import { wayBackWords } from "../gateway/elevation-words";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { DeviceText } from "../ui/DeviceText";

// A widened session stays on the device's record (measured): the way back re-pairs the browser.

type Props = { approved: readonly WireText[]; url: string; version?: string };

export function StandingAccess({ approved, url, version }: Props) {
  const connection = useGatewayConnection();
  const [asking, setAsking] = useState(false);
  const route = elevationRoute(url, version);
  return (
    <div className="standing-access">
      This browser stays approved for <DeviceText value={approved.join(", ")} sentence />.{" "}
      {wayBackWorks(route) ? (
        <button type="button" className="link" onClick={() => setAsking(true)}>
          Return to least privilege
        </button>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title="Return this browser to least privilege?"
          confirmLabel="Remove this browser's pairing and reconnect"
          tone="danger"
          onConfirm={() => {
            setAsking(false);
            connection.narrowScopes();
          }}
          onCancel={() => setAsking(false)}
        >
          <p>{wayBackWords(route)}</p>
          <p>Pairdesk then asks only for {REQUESTED_SCOPES.join(", ")}.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
