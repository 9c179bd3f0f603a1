import { OPERATOR_SCOPES, ROLES, type WireText } from "../protocol";

// Scope comparisons: scopesSatisfy / missingScopes follow the gateway's role check (operator.admin
// covers operator.*; role R holds only R.*), scopeDiff is plain containment (spec §7).

const OPERATOR_PREFIX = "operator.";

/** Trimmed, empty entries dropped, first occurrence kept, order kept. */
export function normalizeScopes(list: readonly string[] | undefined): WireText[] {
  return [...new Set((list ?? []).map((scope) => scope.trim()).filter(Boolean))];
}

const SESSIONS_READ = "operator.sessions.read";
const SESSIONS_WRITE = "operator.sessions.write";
const IMPLIED_BY_WRITE: ReadonlySet<string> = new Set([
  OPERATOR_SCOPES.read,
  OPERATOR_SCOPES.talk,
  SESSIONS_READ,
  SESSIONS_WRITE,
]);

function satisfies(held: ReadonlySet<string>, scope: string, role: string): boolean {
  if (role !== ROLES.operator) return scope.startsWith(`${role}.`) && held.has(scope);
  if (!scope.startsWith(OPERATOR_PREFIX)) return false;
  return (
    held.has(scope) ||
    held.has(OPERATOR_SCOPES.admin) ||
    (IMPLIED_BY_WRITE.has(scope) && held.has(OPERATOR_SCOPES.write)) ||
    (scope === SESSIONS_READ && (held.has(OPERATOR_SCOPES.read) || held.has(SESSIONS_WRITE)))
  );
}

/** Every needed scope is held for `role` (default operator), implications included. */
export function scopesSatisfy(
  held: readonly string[],
  needed: readonly string[],
  role: string = ROLES.operator,
): boolean {
  return missingScopes(held, needed, role).length === 0;
}

/** The needed scopes that `held` does not satisfy for `role`, normalized, in the order asked. */
export function missingScopes(
  held: readonly string[],
  needed: readonly string[],
  role: string = ROLES.operator,
): WireText[] {
  const heldSet = new Set(normalizeScopes(held));
  return normalizeScopes(needed).filter((scope) => !satisfies(heldSet, scope, role.trim()));
}

export type ScopeDiff = { added: WireText[]; kept: WireText[]; removed: WireText[] };

/** Requested versus approved by plain string, each part in its list's order. */
export function scopeDiff(approved: readonly string[], requested: readonly string[]): ScopeDiff {
  const approvedList = normalizeScopes(approved);
  const requestedList = normalizeScopes(requested);
  const approvedSet = new Set(approvedList);
  const requestedSet = new Set(requestedList);
  return {
    added: requestedList.filter((scope) => !approvedSet.has(scope)),
    kept: requestedList.filter((scope) => approvedSet.has(scope)),
    removed: approvedList.filter((scope) => !requestedSet.has(scope)),
  };
}

type Ask = { role: string; roles?: readonly string[]; scopes: readonly string[] };

/** Scopes as the gateway stores a request's: admin brings read and write, write brings read. */
function impliedSet(scopes: readonly string[]): Set<string> {
  const set = new Set(normalizeScopes(scopes));
  if (set.has(OPERATOR_SCOPES.admin)) set.add(OPERATOR_SCOPES.write);
  if (set.has(OPERATOR_SCOPES.write)) set.add(OPERATOR_SCOPES.read);
  return set;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/**
 * A reconnect refreshes the device's waiting request (same id, no event) when it asks the same
 * role and nothing new (same scopes once implied ones are added, or all held by the role's rule);
 * otherwise the gateway supersedes the request.
 */
export function waitingRequestCovers(waiting: Ask, ask: Ask): boolean {
  const role = ask.role.trim();
  if (waiting.role.trim() !== role) return false;
  const roles = new Set(normalizeScopes([waiting.role, ...(waiting.roles ?? [])]));
  const same =
    sameSet(roles, new Set([role])) && sameSet(impliedSet(waiting.scopes), impliedSet(ask.scopes));
  return same || scopesSatisfy(waiting.scopes, ask.scopes, role);
}

/** operator.admin hands over the whole gateway; operator.talk.secrets reads provider API keys. */
export function isDangerousScope(scope: string): boolean {
  const dangerous: string[] = [OPERATOR_SCOPES.admin, OPERATOR_SCOPES.talkSecrets];
  return dangerous.includes(scope.trim());
}
