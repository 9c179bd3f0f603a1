// The OpenClaw gateway releases Pairdesk is tested against (README "Tested releases"), and the
// one behaviour between them that changes what an admin can do from Pairdesk.

/** Protocol-4 releases the compatibility matrix passes on, oldest first. */
export const TESTED_RELEASES = ["2026.6.35", "2026.8.2", "2026.9.6"] as const;

/** Is a local browser's scope upgrade approved at once? From 2026.8 yes, 2026.6 no, else unsure. */
export function silentScopeUpgrades(serverVersion: string | undefined): boolean | undefined {
  const match = /^(\d+)\.(\d+)\./.exec(serverVersion ?? "");
  if (!match) return undefined;
  const month = Number(match[1]) * 12 + Number(match[2]);
  if (month >= 2026 * 12 + 8) return true;
  return month <= 2026 * 12 + 6 ? false : undefined;
}
