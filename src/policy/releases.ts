// The OpenClaw gateway releases Pairdesk is tested against (README "Tested releases"), and the
// one behaviour between them that changes what an admin can do from Pairdesk.

/** Protocol-4 releases the compatibility matrix passes on, oldest first. */
export const TESTED_RELEASES = ["2026.6.35", "2026.8.2", "2026.9.6"] as const;

/**
 * Whether this release approves a paired device's scope upgrade at once when it comes from a
 * local browser with the shared secret. 2026.8.2 and 2026.9.6 do; 2026.6.35 never does, not even
 * on loopback (observed). Undefined when no tested release tells (2026.7.x, unreadable versions).
 */
export function silentScopeUpgrades(serverVersion: string | undefined): boolean | undefined {
  const match = /^(\d+)\.(\d+)\./.exec(serverVersion ?? "");
  if (!match) return undefined;
  const month = Number(match[1]) * 12 + Number(match[2]);
  if (month >= 2026 * 12 + 8) return true;
  return month <= 2026 * 12 + 6 ? false : undefined;
}
