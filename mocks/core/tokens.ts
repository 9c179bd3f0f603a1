import { approvedRoles } from "../../src/policy/approved-access";
import { missingScopes, normalizeScopes } from "../../src/policy/scopes";
import { OPERATOR_SCOPES, ROLES, type DeviceTokenSummary } from "../../src/protocol";
import { randomBase64Url } from "./random-text";
import type { StoredPairedDevice } from "./types";

// Per-role device tokens, as the real gateway keeps them: scopes sorted with their implied
// scopes added, the issuer remembered, createdAtMs kept across rotations.

/** Tokens handed to a browser UI over the shared secret are bound to that secret. */
export type TokenIssuer = "shared-secret";

const OPERATOR_PREFIX = "operator.";

const SECRET_BYTES = 32;

export function newSecret(): string {
  return randomBase64Url(SECRET_BYTES);
}

/**
 * A token's scope list (observed): `operator.admin` adds read and write, `operator.write`
 * adds read, and the list is sorted.
 */
export function tokenScopes(scopes: readonly string[] | undefined): string[] {
  // A normalized list has no repeats, so adding what is missing keeps it a set.
  const list = normalizeScopes(scopes);
  const implied = list.includes(OPERATOR_SCOPES.admin)
    ? [OPERATOR_SCOPES.read, OPERATOR_SCOPES.write]
    : list.includes(OPERATOR_SCOPES.write)
      ? [OPERATOR_SCOPES.read]
      : [];
  for (const scope of implied) if (!list.includes(scope)) list.push(scope);
  return list.sort();
}

/** A role's token carries only that role's scopes: operator.* for operator, the rest otherwise. */
export function roleTokenScopes(role: string, scopes: readonly string[] | undefined): string[] {
  const operator = role === ROLES.operator;
  return tokenScopes(scopes).filter((scope) => scope.startsWith(OPERATOR_PREFIX) === operator);
}

/** The first of `needed` the role's `held` scopes do not cover (operator scopes imply others). */
export function firstMissingScope(
  role: string,
  needed: readonly string[],
  held: readonly string[],
): string | undefined {
  if (role === ROLES.operator) return missingScopes(held, needed)[0];
  return normalizeScopes(needed).find(
    (scope) => !scope.startsWith(`${role}.`) || !held.includes(scope),
  );
}

export function approvedBaseline(device: StoredPairedDevice): string[] {
  return tokenScopes(device.approvedScopes ?? device.scopes);
}

/** The role's live token and secret, or undefined when missing or revoked. */
export function liveToken(device: StoredPairedDevice, role: string) {
  const summary = device.tokens?.find((token) => token.role === role);
  const secret = device.tokenSecrets.find((entry) => entry.role === role);
  if (!summary || !secret || summary.revokedAtMs !== undefined) return undefined;
  return { summary, secret };
}

/** Issues a fresh secret for the role, keeping what the old token's lifecycle says. */
export function issueToken(
  device: StoredPairedDevice,
  role: string,
  scopes: string[],
  now: number,
  issuer?: TokenIssuer,
) {
  const previous = device.tokens?.find((token) => token.role === role);
  const previousSecret = device.tokenSecrets.find((entry) => entry.role === role);
  // Optional keys are set only when present (no conditional spreads: this runs per connect).
  const summary: DeviceTokenSummary = { role, scopes, createdAtMs: previous?.createdAtMs ?? now };
  if (previous) summary.rotatedAtMs = now;
  if (previous?.lastUsedAtMs !== undefined) summary.lastUsedAtMs = previous.lastUsedAtMs;
  const keptIssuer = issuer ?? previousSecret?.issuer;
  const secret: StoredPairedDevice["tokenSecrets"][number] = { role, token: newSecret() };
  if (keptIssuer) secret.issuer = keptIssuer;
  device.tokens = [...(device.tokens ?? []).filter((token) => token.role !== role), summary];
  device.tokenSecrets = [...device.tokenSecrets.filter((entry) => entry.role !== role), secret];
  return { summary, secret };
}

/**
 * The token hello-ok hands out: the role's current one when it still fits the approval, the
 * issuer and the ask, else a new one. Undefined when the ask exceeds the approval.
 */
export function ensureToken(
  device: StoredPairedDevice,
  role: string,
  scopes: readonly string[],
  now: number,
  issuer: TokenIssuer | undefined,
) {
  if (!approvedRoles(device).includes(role)) return undefined;
  const requested = tokenScopes(scopes);
  const baseline = approvedBaseline(device);
  if (firstMissingScope(role, requested, baseline) !== undefined) return undefined;
  const current = liveToken(device, role);
  if (
    current &&
    current.secret.issuer === issuer &&
    firstMissingScope(role, current.summary.scopes, baseline) === undefined &&
    firstMissingScope(role, requested, current.summary.scopes) === undefined
  ) {
    return current;
  }
  return issueToken(device, role, requested, now, issuer);
}

export function revokeToken(device: StoredPairedDevice, role: string, now: number) {
  const summary = device.tokens?.find((token) => token.role === role);
  if (!summary) return undefined;
  summary.revokedAtMs = now;
  return summary;
}
