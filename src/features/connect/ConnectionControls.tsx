import { useGatewayConnection } from "../../gateway/context";
import { useCredentialStore } from "../../gateway/credential-context";
import { useConnectionStatus } from "../../stores/connection-store";

/** Disconnect keeps the saved settings for next time; Forget removes the secret and device token. */
export function ConnectionControls() {
  const connection = useGatewayConnection();
  const credentials = useCredentialStore();
  const status = useConnectionStatus();
  if (status.kind !== "connected" && status.kind !== "reconnecting") return null;
  const url = status.url;

  const forget = () => {
    connection.disconnect();
    credentials.forget(url);
  };

  return (
    <div className="connection-controls">
      <button type="button" onClick={() => connection.disconnect()}>
        Disconnect
      </button>
      <button type="button" onClick={forget}>
        Forget this gateway
      </button>
    </div>
  );
}
