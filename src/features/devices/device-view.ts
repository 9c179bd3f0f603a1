import type { DeviceAction } from "../../api/device-mutations";
import { missingScopes, requiredScopesFor, tokenActionRequiresAdmin } from "../../policy";
import { METHODS, OPERATOR_SCOPES, type DeviceTokenSummary } from "../../protocol";

// Pure helpers for the devices screen: words, and what an action needs.

export const APPROVED_VIA = { silent: "silent", owner: "owner" } as const;

export function approvedHow(via: string | undefined): string {
  if (via === APPROVED_VIA.silent) return "automatically on this host";
  if (via === APPROVED_VIA.owner) return "by an admin";
  return via ? `via “${via}”` : "unknown";
}

/** The scopes this admin lacks for `action` (empty when allowed). */
export function actionNeeds(
  type: DeviceAction["type"],
  callerScopes: readonly string[],
  token?: DeviceTokenSummary,
): string[] {
  const method = {
    rename: METHODS.pairRename,
    remove: METHODS.pairRemove,
    rotate: METHODS.tokenRotate,
    revoke: METHODS.tokenRevoke,
  }[type];
  const needed = requiredScopesFor(method) ?? [];
  if (token && (type === "rotate" || type === "revoke")) {
    const requestedScopes = type === "rotate" ? token.scopes : [];
    if (tokenActionRequiresAdmin({ callerScopes, targetRole: token.role, requestedScopes })) {
      needed.push(OPERATOR_SCOPES.admin);
    }
  }
  return missingScopes(callerScopes, needed);
}
