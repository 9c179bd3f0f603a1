import type { PairedDevice, PendingRequest } from "../protocol";
import { approvedScopesOf, liveApprovedRoles } from "./approved-access";
import { pinClientMetadata } from "./metadata-pin";
import { scopesSatisfy } from "./scopes";

// A request carries no reason: its kind comes from the device's paired record, in the gateway's
// order (docs/real-gateway-admin-and-nodes.md §2).

export const REQUEST_KINDS = {
  newDevice: "new-device",
  roleUpgrade: "role-upgrade",
  scopeUpgrade: "scope-upgrade",
  reApproval: "re-approval",
} as const;
export type RequestKind = (typeof REQUEST_KINDS)[keyof typeof REQUEST_KINDS];

export type PendingForKind = Pick<
  PendingRequest,
  | "deviceId"
  | "publicKey"
  | "role"
  | "roles"
  | "scopes"
  | "platform"
  | "deviceFamily"
  | "clientId"
  | "clientMode"
  | "ts"
>;
type PairedForKind = PairedDevice | undefined;

/** The paired record of the same device and key, if the request has one. */
export function sameIdentity(pending: PendingForKind, paired: PairedForKind) {
  return paired?.deviceId === pending.deviceId && paired.publicKey === pending.publicKey
    ? paired
    : undefined;
}

/** The gateway's pin rule: a native app's newer OS is no change, an empty pin pins nothing. */
export function metadataChanged(
  pending: Pick<PendingForKind, "clientId" | "clientMode" | "platform" | "deviceFamily">,
  paired: Pick<PairedDevice, "platform" | "deviceFamily">,
): boolean {
  return pinClientMetadata({
    clientId: pending.clientId ?? "",
    clientMode: pending.clientMode ?? "",
    claimedPlatform: pending.platform,
    claimedDeviceFamily: pending.deviceFamily,
    pairedPlatform: paired.platform,
    pairedDeviceFamily: paired.deviceFamily,
  }).mismatch;
}

/** Metadata, then roles with a live token, then scopes as the gateway compares them. */
export function requestKind(pending: PendingForKind, paired: PairedForKind): RequestKind {
  const same = sameIdentity(pending, paired);
  if (!same) return REQUEST_KINDS.newDevice;
  if (metadataChanged(pending, same)) return REQUEST_KINDS.reApproval;
  const live = liveApprovedRoles(same);
  if ([pending.role, ...pending.roles].some((role) => role.trim() && !live.includes(role.trim()))) {
    return REQUEST_KINDS.roleUpgrade;
  }
  if (!scopesSatisfy(approvedScopesOf(same), pending.scopes)) return REQUEST_KINDS.scopeUpgrade;
  return REQUEST_KINDS.reApproval;
}
