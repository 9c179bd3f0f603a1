import { OPERATOR_SCOPES, ROLES, type WireText } from "../protocol";

// Scope comparisons. scopesSatisfy / missingScopes follow the gateway's role check (operator.admin
// covers operator.*; another role R only holds R.* scopes); scopeDiff is plain containment (spec §7).

const OPERATOR_PREFIX = "operator.";

/** Longer lists (only a hostile client sends them) skip the check: it is quadratic. */
const CLEAN_CHECK_LIMIT = 16;

/** No entry blank or padded, none repeated (lists are a handful of scopes: a nested scan). */
function isNormalized(list: readonly string[]): boolean {
  for (let index = 0; index < list.length; index += 1) {
    const scope = list[index];
    if (!scope || scope.trim() !== scope) return false;
    for (let before = 0; before < index; before += 1) if (list[before] === scope) return false;
  }
  return true;
}

/** Trimmed, empty entries dropped, first occurrence kept, order kept. */
export function normalizeScopes(list: readonly string[] | undefined): WireText[] {
  // Most lists are already clean (a connect's scopes are normalized several times over):
  // a plain copy then, without building a set.
  if (!list) return [];
  if (list.length <= CLEAN_CHECK_LIMIT && isNormalized(list)) return list.slice();
  const seen = new Set<string>();
  for (const raw of list) {
    const scope = raw.trim();
    if (scope) seen.add(scope);
  }
  return [...seen];
}

const SESSIONS_READ = "operator.sessions.read";
const SESSIONS_WRITE = "operator.sessions.write";
const IMPLIED_BY_WRITE: ReadonlySet<string> = new Set([
  OPERATOR_SCOPES.read,
  OPERATOR_SCOPES.talk,
  SESSIONS_READ,
  SESSIONS_WRITE,
]);

/** Held scopes: the normalized list itself while short, a set once scanning would cost more. */
type HeldScopes = { has(scope: string): boolean };

function heldScopes(held: readonly string[]): HeldScopes {
  const list = normalizeScopes(held);
  if (list.length > CLEAN_CHECK_LIMIT) return new Set(list);
  return { has: (scope) => list.includes(scope) };
}

function satisfies(held: HeldScopes, scope: string, role: string): boolean {
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
  const heldSet = heldScopes(held);
  return normalizeScopes(needed).filter((scope) => !satisfies(heldSet, scope, role.trim()));
}

export type ScopeDiff = { added: WireText[]; kept: WireText[]; removed: WireText[] };

/** Requested versus approved by plain string: added and kept in requested order, removed in approved order. */
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

/** A scope list as the gateway stores a request's: admin brings read and write, write brings read. */
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
 * A device's reconnect refreshes its one waiting request (same id, no event) when it asks the
 * same role and nothing new; otherwise the gateway supersedes the request. "Nothing new": the
 * same roles and the same scopes once implied ones are added, or every scope asked held by the
 * role's rule (an operator's implications; another role R only holds R.* scopes by name).
 */
export function waitingRequestCovers(waiting: Ask, ask: Ask): boolean {
  const role = ask.role.trim();
  if (waiting.role.trim() !== role) return false;
  const roles = new Set(normalizeScopes([waiting.role, ...(waiting.roles ?? [])]));
  const same =
    sameSet(roles, new Set([role])) && sameSet(impliedSet(waiting.scopes), impliedSet(ask.scopes));
  return same || scopesSatisfy(waiting.scopes, ask.scopes, role);
}

/**
 * Scopes that deserve a warning before approval:
 * - `operator.admin` satisfies every operator scope, including pairing other devices and
 *   changing cron jobs: approving it hands over the whole gateway.
 * - `operator.talk.secrets` reads the Talk configuration with its secrets (provider API keys),
 *   credentials that stay usable outside the gateway even after the device is removed.
 */
export const DANGEROUS_SCOPES: readonly string[] = [
  OPERATOR_SCOPES.admin,
  OPERATOR_SCOPES.talkSecrets,
];

export function isDangerousScope(scope: string): boolean {
  return DANGEROUS_SCOPES.includes(scope.trim());
}
