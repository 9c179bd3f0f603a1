import { useSyncExternalStore } from "react";
import { useGatewayConnection } from "../gateway/context";
import "./ui.css";

// One notice with a running count, never one message per bad frame.

export function ProtocolNotice() {
  const connection = useGatewayConnection();
  const count = useSyncExternalStore(
    (onChange) => connection.onUnreadable(onChange),
    () => connection.unreadableFrames,
  );
  return (
    <div aria-live="polite" className="protocol-notice-region">
      {count > 0 ? (
        <p className="protocol-notice">
          The gateway sent data Pairdesk could not read; some updates may be missing, so the list is
          read again. ({count === 1 ? "1 unreadable message" : `${count} unreadable messages`} so
          far.)
        </p>
      ) : null}
    </div>
  );
}
