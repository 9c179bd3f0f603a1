import { approvedScopesOf, missingScopes, normalizeScopes, scopesSatisfy } from "../../policy";
import { OPERATOR_SCOPES, ROLES, type PairedDevice, type PendingRequest } from "../../protocol";

// What approving a request asks of the approver.

const OPERATOR_PREFIX = "operator.";

/** Scopes the approving session must hold for the gateway to accept this approval. */
export function scopesToApprove(
  request: Pick<PendingRequest, "role" | "roles" | "scopes">,
  sameIdentity: PairedDevice | undefined,
): string[] {
  const roles = [request.role, ...request.roles].filter(Boolean);
  if (roles.some((role) => role !== ROLES.operator)) return [OPERATOR_SCOPES.admin];
  const kept = sameIdentity ? approvedScopesOf(sameIdentity) : [];
  return normalizeScopes([...request.scopes, ...kept]).filter((scope) =>
    scope.startsWith(OPERATOR_PREFIX),
  );
}

/**
 * The fewest scopes to add to `held` so it satisfies `needed`: a scope another missing one already
 * implies is left out (operator.admin stands in for all, operator.write for read).
 */
export function scopesToAdd(held: readonly string[], needed: readonly string[]): string[] {
  const missing = missingScopes(held, needed);
  return missing.filter(
    (scope) =>
      !scopesSatisfy(
        missing.filter((other) => other !== scope),
        [scope],
      ),
  );
}
