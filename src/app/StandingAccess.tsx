import { lazy, Suspense, useState } from "react";
import { usePairList } from "../api/pair-list";
import { REQUESTED_SCOPES } from "../gateway/client-info";
import { useGatewayConnection } from "../gateway/context";
import { elevationRoute, wayBackWorks } from "../gateway/elevation";
import { approvedScopesOf, missingScopes } from "../policy";
import { useConnectionStatus } from "../stores/connection-store";

// What the gateway has approved this browser's device for, once that is more than Pairdesk asks
// for: a widened session leaves it on the record (measured). The way back, only where it pairs
// at once: remove this browser's pairing and connect again with the least scopes.

const ReturnToLeastDialog = lazy(() =>
  import("./ReturnToLeastDialog").then((module) => ({ default: module.ReturnToLeastDialog })),
);

export function StandingAccess() {
  const status = useConnectionStatus();
  const { data } = usePairList();
  const connection = useGatewayConnection();
  const [asking, setAsking] = useState(false);
  const self = status.kind === "connected" ? status.deviceId : undefined;
  const own = data?.paired.find((device) => device.deviceId === self);
  if (status.kind !== "connected" || !own) return null;
  const approved = approvedScopesOf(own);
  if (missingScopes(REQUESTED_SCOPES, approved).length === 0) return null;
  const route = elevationRoute(status.url, status.serverVersion);
  return (
    <div className="standing-access">
      This browser stays approved for {approved.join(", ")}.{" "}
      {wayBackWorks(route) ? (
        <button type="button" className="link" onClick={() => setAsking(true)}>
          Return to least privilege
        </button>
      ) : null}
      {asking ? (
        <Suspense fallback={null}>
          <ReturnToLeastDialog
            route={route}
            onConfirm={() => {
              setAsking(false);
              connection.narrowScopes();
            }}
            onCancel={() => setAsking(false)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
