import { elevationRoute, wayBackWorks } from "../../gateway/elevation";
import { useConnectionStatus } from "../../stores/connection-store";

const AFTER = {
  remove: "as a new device",
  revoke: "asking to be approved for its role again",
  rotate: "with a new token",
} as const;

export function SelfWarning({ type }: { type: string }) {
  const status = useConnectionStatus();
  const url = "url" in status ? (status.url ?? "") : "";
  const version = status.kind === "connected" ? status.serverVersion : undefined;
  const after = AFTER[type as keyof typeof AFTER];
  if (!after) return null;
  const local = wayBackWorks(elevationRoute(url, version));
  const approval =
    type === "rotate"
      ? ""
      : local
        ? ", which this gateway allows at once from this machine"
        : ", which then waits for approval on the gateway host";
  return (
    <p role="note" className="devices-self-warning">
      <strong>This is this browser.</strong> The gateway closes every connection of this device at
      once (4001 “device removed”), so this session ends; Pairdesk then connects again {after}
      {approval}.
    </p>
  );
}
