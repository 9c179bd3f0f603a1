import { GATEWAY_CLIENT_IDS, GATEWAY_CLIENT_MODES } from "@openclaw/gateway-protocol/client-info";
import { LOCALITIES, type Locality, type PairedDevice, type PendingRequest } from "../protocol";
import { isControlUiClient, isNativeAppUi, isWebchatClient } from "./clients";
import { isLoopbackHostName, originHostName } from "./host-names";
import { isLoopbackAddress, isPrivateOrLoopbackAddress, parseIpAddress } from "./ip-address";
import { REQUEST_KINDS, requestKind } from "./request-kind";
import { roleNeedsOwner } from "./silent-pairing";

// Why the gateway did not approve a pending request by itself, from the facts the request carries:
// remoteIp, browserOrigin, clientId, clientMode and the derived kind.

export type NotSilentExplanation = {
  locality: Locality | "unknown";
  certain: boolean;
  reasons: string[];
};

type PendingForExplain = Pick<
  PendingRequest,
  | "deviceId"
  | "publicKey"
  | "role"
  | "roles"
  | "scopes"
  | "remoteIp"
  | "browserOrigin"
  | "clientId"
  | "clientMode"
  | "silent"
  | "isRepair"
>;

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function estimateLocality(pending: PendingForExplain): Locality | "unknown" {
  const ip = present(pending.remoteIp);
  if (!ip || !parseIpAddress(ip) || isLoopbackAddress(ip)) return "unknown";
  // Only a Control UI browser on a private address can be local without loopback; whether it
  // was depends on the Host header and the auth method, which the request does not carry.
  const mightBeBrowserContainer =
    pending.clientId === GATEWAY_CLIENT_IDS.CONTROL_UI &&
    pending.clientMode === GATEWAY_CLIENT_MODES.WEBCHAT &&
    isLoopbackHostName(originHostName(pending.browserOrigin)) &&
    isPrivateOrLoopbackAddress(ip);
  return mightBeBrowserContainer ? "unknown" : LOCALITIES.remote;
}

function leadSentence(pending: PendingForExplain, locality: Locality | "unknown"): string {
  const ip = present(pending.remoteIp);
  if (!ip || !parseIpAddress(ip)) {
    return "the gateway did not say why, and the request does not say where the device connected from";
  }
  if (isLoopbackAddress(ip)) {
    return (
      "the gateway did not say why; on loopback this usually means the device did not " +
      "authenticate with the shared token or password, or autoApproveLocal is off"
    );
  }
  return locality === "unknown"
    ? `the gateway did not say why; a Control UI at ${ip} counts as local only with a loopback ` +
        "Host and the shared token or password, which the request does not show"
    : "the gateway did not say why";
}

export function explainNotSilent(
  pending: PendingForExplain,
  paired: PairedDevice | undefined,
): NotSilentExplanation {
  const locality = estimateLocality(pending);
  if (pending.silent) {
    return {
      locality,
      certain: false,
      reasons: ["the gateway marked this request for automatic approval; it should resolve soon"],
    };
  }
  const { clientId: id, clientMode: mode } = pending;
  const origin = present(pending.browserOrigin);
  const uiOrWebchat = isControlUiClient(id) || isWebchatClient(id, mode);
  const kind = requestKind(pending, paired);

  const certain: string[] = [];
  if (locality === LOCALITIES.remote) {
    certain.push(`connected from ${present(pending.remoteIp)}, which is not loopback`);
  }
  if (origin && !uiOrWebchat) {
    certain.push(
      `a browser Origin (${origin}) was sent by a client that is not the Control UI or webchat`,
    );
  }
  if (roleNeedsOwner(pending.role, pending.isRepair)) {
    certain.push(
      `a paired device asking for role ${pending.role} always needs an owner's approval`,
    );
  }
  if (kind === REQUEST_KINDS.reApproval && uiOrWebchat) {
    certain.push("identity changes of the Control UI or webchat always need an owner's approval");
  }
  if (certain.length > 0) return { locality, certain: true, reasons: certain };

  const reasons = [leadSentence(pending, locality)];
  if (kind === REQUEST_KINDS.scopeUpgrade) {
    reasons.push(
      "scope upgrades are approved automatically only for token, password or no-auth connections",
    );
  }
  if (kind === REQUEST_KINDS.reApproval) {
    reasons.push(
      isNativeAppUi(id, mode)
        ? "a native app's identity change is approved automatically only on a direct loopback connection"
        : "identity changes are approved automatically only for native apps on direct loopback, " +
            "or loopback clients using the shared token or password",
    );
  }
  return { locality, certain: false, reasons };
}
