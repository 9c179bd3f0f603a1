import type { PairedDevice, PendingRequest } from "../protocol";
import { approvedScopesOf, liveApprovedRoles } from "./approved-access";

// A pending request carries no reason field; the UI derives its kind from the paired record
// of the same device (spec §7).

export const REQUEST_KINDS = {
  newDevice: "new-device",
  roleUpgrade: "role-upgrade",
  scopeUpgrade: "scope-upgrade",
  reApproval: "re-approval",
} as const;
export type RequestKind = (typeof REQUEST_KINDS)[keyof typeof REQUEST_KINDS];

type PendingForKind = Pick<PendingRequest, "deviceId" | "publicKey" | "role" | "roles" | "scopes">;

/**
 * Scopes compare by plain string containment (spec §7), unlike the gateway's own check where
 * `operator.admin` covers every operator scope.
 */
export function requestKind(
  pending: PendingForKind,
  paired: PairedDevice | undefined,
): RequestKind {
  if (!paired || paired.deviceId !== pending.deviceId || paired.publicKey !== pending.publicKey) {
    return REQUEST_KINDS.newDevice;
  }
  const live = new Set(liveApprovedRoles(paired));
  const requestedRoles = [pending.role, ...(pending.roles ?? [])]
    .map((role) => role.trim())
    .filter((role) => role !== "");
  if (requestedRoles.some((role) => !live.has(role))) {
    return REQUEST_KINDS.roleUpgrade;
  }
  const approved = new Set(approvedScopesOf(paired));
  if ((pending.scopes ?? []).some((scope) => !approved.has(scope.trim()))) {
    return REQUEST_KINDS.scopeUpgrade;
  }
  return REQUEST_KINDS.reApproval;
}
