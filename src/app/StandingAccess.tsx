import { useState } from "react";
import { useGatewayConnection } from "../gateway/context";
import type { WireText } from "../protocol";
import { elevationRoute, wayBackWorks } from "../gateway/elevation";
import { DeviceText } from "../ui/DeviceText";
import { ReturnToLeastDialog } from "./ReturnToLeastDialog";

// A widened session leaves its scopes on the device's record (measured); the way back is offered
// only where re-pairing is immediate.

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
        <ReturnToLeastDialog
          route={route}
          onConfirm={() => {
            setAsking(false);
            connection.narrowScopes();
          }}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </div>
  );
}
