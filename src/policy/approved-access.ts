import type { PairedDevice, WireText } from "../protocol";

// What a paired record actually grants, shared by the gateway's pairing reason and the UI's
// request kind so both read a paired record the same way.

/** Longer lists take the set path: a plain scan is quadratic. */
const UNIQUE_SCAN_LIMIT = 16;

type PairedAccess = Pick<PairedDevice, "role" | "roles" | "scopes" | "approvedScopes" | "tokens">;

/** Trimmed, non-empty, each once, in first-seen order (a few roles or scopes: a plain scan). */
function unique(values: readonly (string | undefined)[]): WireText[] {
  if (values.length > UNIQUE_SCAN_LIMIT) {
    return [...new Set(values.map((v) => v?.trim() ?? "").filter((v) => v !== ""))];
  }
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed && !out.includes(trimmed)) out.push(trimmed);
  }
  return out;
}

/** Approved roles as recorded (`roles`, plus the legacy single `role`). */
export function approvedRoles(paired: PairedAccess): WireText[] {
  return unique([...(paired.roles ?? []), paired.role]);
}

/** Approved roles that can still be used: those with a live token. */
export function liveApprovedRoles(paired: PairedAccess): WireText[] {
  const roles = approvedRoles(paired);
  const live = new Set(
    (paired.tokens ?? [])
      .filter((token) => token.revokedAtMs === undefined)
      .map((token) => token.role),
  );
  return roles.filter((role) => live.has(role));
}

/** Approved scopes; `approvedScopes` (the gateway's own field) wins over `scopes` when present. */
export function approvedScopesOf(paired: PairedAccess): WireText[] {
  return unique(paired.approvedScopes ?? paired.scopes ?? []);
}

/** Platform and device family as pinned and compared: trimmed, only ASCII A–Z lower-cased. */
export function normalizeDeviceMetadata(value: string | undefined): WireText {
  return (value ?? "").trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
}
