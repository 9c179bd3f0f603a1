import type { PairedDevice } from "../protocol";
import { metadataChanged, REQUEST_KINDS, requestKind, sameIdentity } from "./request-kind";

// Words only the request details view shows: imported from here, not the index, to load on demand.

type Pending = Parameters<typeof requestKind>[0];

/** What the list alone cannot settle about a request's kind, in words (undefined when it can). */
export function kindDoubt(
  pending: Pending,
  paired: PairedDevice | undefined,
  replacedEarlier = false,
): string | undefined {
  const same = sameIdentity(pending, paired);
  const kind = requestKind(pending, paired);
  if (replacedEarlier) {
    return "It replaced an earlier request of this device and carries both asks together, so it stands for two kinds at once.";
  }
  if (
    kind === REQUEST_KINDS.roleUpgrade &&
    same?.tokens?.some((token) => (token.revokedAtMs ?? 0) > pending.ts)
  ) {
    return "The device's token was revoked after it asked: when it asked, the gateway may have called it a scope upgrade or a changed identity.";
  }
  if (kind === REQUEST_KINDS.scopeUpgrade) {
    return "A device can also ask for more scopes on its own (device.scopes.requestUpgrade, “Request admin” in the Control UI); the list does not tell the two apart.";
  }
  if (kind === REQUEST_KINDS.reApproval && same && !metadataChanged(pending, same)) {
    return "The list shows no changed platform or device family: the device changed something the list does not show, or went back to the values it was approved with.";
  }
  return undefined;
}
