import { useState } from "react";
import { useGatewayConnection } from "../gateway/context";
import type { WireText } from "../protocol";
import { elevationRoute, wayBackWorks } from "../gateway/elevation";
import { DeviceText } from "../ui/DeviceText";
import { ReturnToLeastDialog } from "./ReturnToLeastDialog";

// What the gateway has approved this browser's device for, once that is more than Pairdesk asks
// for: a widened session leaves it on the record (measured). The way back, only where it pairs
// at once: remove this browser's pairing and connect again with the least scopes.

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
