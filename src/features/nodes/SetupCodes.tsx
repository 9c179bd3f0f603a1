import { useEffect, useState } from "react";
import { createSetupCode, useSetupStatus, type SetupProfile } from "../../api/setup-codes";
import { useGatewayConnection } from "../../gateway/context";
import { readGatewayError } from "../../gateway/gateway-errors";
import { shortDeviceId } from "../../policy";
import { OPERATOR_SCOPES, type SetupCode, type WireText } from "../../protocol";
import { useNow } from "../../ui/clock";
import { shownText } from "../../ui/display-text";
import { DeviceText } from "../../ui/DeviceText";

// The code lives in this component's state only, and leaves the page once used or expired.

const PROFILES: Record<SetupProfile, string> = {
  full: "A phone, with the gateway's full operator access",
  limited: "A phone, without operator.admin",
  node: "A node host (its first declared commands are approved with it)",
};

export function SetupCodes({ onElevate }: { onElevate: (missing: string[]) => void }) {
  const connection = useGatewayConnection();
  const [profile, setProfile] = useState<SetupProfile>("node");
  const [publicUrl, setPublicUrl] = useState("");
  const [code, setCode] = useState<SetupCode>();
  const [said, setSaid] = useState<WireText>("");
  if (!connection.scopes.includes(OPERATOR_SCOPES.admin)) {
    return (
      <p>
        Creating a setup code needs {OPERATOR_SCOPES.admin}, which this session does not hold.{" "}
        <button type="button" onClick={() => onElevate([OPERATOR_SCOPES.admin])}>
          Ask for {OPERATOR_SCOPES.admin}
        </button>
      </p>
    );
  }
  const create = () => {
    setSaid("");
    createSetupCode(connection, profile, publicUrl.trim()).then(setCode, (error: unknown) =>
      setSaid(`The gateway refused: ${readGatewayError(error).message}`),
    );
  };
  const done = (words: string) => {
    setCode(undefined);
    setSaid(words);
  };
  return (
    <form onSubmit={(event) => (event.preventDefault(), create())}>
      <label>
        For{" "}
        <select value={profile} onChange={(e) => setProfile(e.target.value as SetupProfile)}>
          {Object.entries(PROFILES).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        Address the device will use (optional){" "}
        <input value={publicUrl} onChange={(e) => setPublicUrl(e.target.value)} />
      </label>{" "}
      <button type="submit">Create setup code</button>
      <p role="status">
        <DeviceText value={said} sentence />
      </p>
      {code ? <ShownCode key={code.setupId} code={code} onDone={done} /> : null}
    </form>
  );
}

function ShownCode({ code, onDone }: { code: SetupCode; onDone: (words: string) => void }) {
  const now = useNow(1000);
  const status = useSetupStatus(code.setupId).data;
  const left = code.expiresAtMs === undefined ? undefined : code.expiresAtMs - now;
  useEffect(() => {
    const use = status?.use;
    if (use) {
      const who = use.deviceName ?? shortDeviceId(use.deviceId);
      onDone(
        status.uncertain
          ? `“${who}” began to use the code, but the gateway could not confirm it reached the device. The code is spent: create a new one if the device did not connect.`
          : `“${who}” used the code (access: ${use.access ?? "unknown"}).`,
      );
    } else if (left !== undefined && left <= 0) onDone("The setup code expired unused.");
  }, [status, left, onDone]);
  const shown = shownText(code.setupCode, Infinity);
  const qr = code.qrDataUrl?.startsWith("data:image/png;base64,") ? code.qrDataUrl : undefined;
  return (
    <section aria-label="Setup code">
      <p>
        Access: <DeviceText value={code.access} fallback="unknown" /> · gateway address in the code:{" "}
        <DeviceText value={code.gatewayUrl} fallback="unknown" /> ·{" "}
        {left === undefined
          ? "the gateway did not say when it expires"
          : `expires in ${Math.floor(left / 60_000)}:${String(Math.floor((left % 60_000) / 1000)).padStart(2, "0")}`}
      </p>
      <textarea readOnly aria-label="Setup code text" value={shown} rows={3} cols={60} />
      {qr ? <img src={qr} alt="QR code of the setup code" /> : <p>The gateway sent no QR image.</p>}
      <p>Not used yet. Anyone holding this code can use it until it is used or expires.</p>
    </section>
  );
}
