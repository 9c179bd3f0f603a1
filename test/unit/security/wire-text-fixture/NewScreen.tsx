import { deviceName } from "../../../../src/policy";
import type { PairedDevice, PendingRequest } from "../../../../src/protocol";
import { shownText } from "../../../../src/ui/display-text";
import { DeviceText } from "../../../../src/ui/DeviceText";

// A screen someone might add without knowing the rule: every line marked "raw" must be refused
// by local/no-raw-wire-text, every line marked "ok" accepted. It typechecks: only lint refuses it.

function Label({ text }: { text: string }) {
  return <em>{text}</em>;
}

export function NewScreen({ request, device }: { request: PendingRequest; device: PairedDevice }) {
  return (
    <article aria-label={`Request from ${deviceName(device)}`} /* raw */>
      <h2>{request.displayName}</h2> {/* raw */}
      <p title={request.browserOrigin}>origin</p> {/* raw */}
      <p>{request.deviceId.slice(0, 8)}</p> {/* raw */}
      <p>{"Needs " + request.scopes.join(", ")}</p> {/* raw */}
      <p>{request.platform ?? "unknown platform"}</p> {/* raw */}
      <input readOnly value={request.clientId} aria-label="Client" /> {/* raw */}
      <Label text={request.remoteIp ?? ""} /> {/* raw */}
      <DeviceText value={request.displayName} /> {/* ok */}
      <p title={shownText(request.browserOrigin)}>origin</p> {/* ok */}
      <select aria-label="Role">
        <option value={request.role}>{shownText(request.role)}</option> {/* ok */}
      </select>
      <p>{request.scopes.length} scopes</p> {/* ok */}
    </article>
  );
}
