import type { PairedDevice, PendingRequest, WireText } from "../protocol";
import { isControlUiBrowser, isControlUiClient, isNativeAppUi, isWebchatClient } from "./clients";
import { isLoopbackAddress, isPrivateOrLoopbackAddress, parseIpAddress } from "./ip-address";
import { PENDING_CAUSES, type CauseId } from "./pending-causes";
import { REQUEST_KINDS, requestKind, type PendingForKind } from "./request-kind";
import { roleNeedsOwner } from "./silent-pairing";

// Why the gateway did not approve a pending request by itself. A request records little (no Origin,
// no auth method; docs/real-gateway-admin-and-nodes.md §1), so most causes are only possible.

/** `known`: what the request's own fields prove; `possible`: the rest, most likely first. */
export type NotSilentExplanation = { known: WireText[]; possible: CauseId[] };

type PendingForExplain = PendingForKind &
  Pick<PendingRequest, "remoteIp" | "browserOrigin" | "silent" | "isRepair">;

export function explainNotSilent(
  pending: PendingForExplain,
  paired: PairedDevice | undefined,
): NotSilentExplanation {
  if (pending.silent) {
    return {
      known: ["the gateway marked it for automatic approval; it should resolve soon"],
      possible: [],
    };
  }
  const { clientId: id, clientMode: mode } = pending;
  const ui = isControlUiClient(id) || isWebchatClient(id, mode);
  const kind = requestKind(pending, paired);
  const ip = pending.remoteIp?.trim() ?? "";
  const remote = parseIpAddress(ip) !== undefined && !isLoopbackAddress(ip);
  // Only a Control UI page at a private address can be local without loopback.
  const maybeContainer =
    remote && isControlUiBrowser({ id, mode }) && isPrivateOrLoopbackAddress(ip);

  const known: string[] = [];
  if (remote && !maybeContainer) known.push(`it connected from ${ip}: ${PENDING_CAUSES.remote}`);
  const origin = pending.browserOrigin?.trim();
  if (origin && !ui) known.push(`${PENDING_CAUSES.origin} (${origin})`);
  if (roleNeedsOwner(pending.role, pending.isRepair)) {
    known.push(`${PENDING_CAUSES.otherRole} (${pending.role})`);
  }
  if (kind === REQUEST_KINDS.reApproval && ui) known.push(PENDING_CAUSES.uiIdentity);
  if (known.length > 0) return { known, possible: [] };

  const ids: CauseId[] = maybeContainer ? ["remote"] : [];
  if (kind === REQUEST_KINDS.reApproval) {
    if (!isNativeAppUi(id, mode)) ids.push("identity");
    ids.push("origin", "waiting");
  } else {
    ids.push(...(ui ? [] : (["origin"] as const)), "waiting");
    if (kind === REQUEST_KINDS.scopeUpgrade) ids.push("authMethod");
    ids.push("autoApproveOff");
  }
  return { known, possible: ids };
}
