import type { PairedDevice, WireText } from "../protocol";

// What a paired record actually grants: one reading for the gateway's pairing reason and the UI.

type PairedAccess = Pick<PairedDevice, "role" | "roles" | "scopes" | "approvedScopes" | "tokens">;

/** Trimmed, non-empty, each once, in first-seen order. */
function unique(values: readonly (string | undefined)[]): WireText[] {
  return [...new Set(values.map((v) => v?.trim() ?? "").filter((v) => v !== ""))];
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
