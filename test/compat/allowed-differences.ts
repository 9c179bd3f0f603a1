// Where the mock may knowingly differ from the real gateway in a differential outcome.
// Each entry masks one path in the normalised outcome of one scenario ("*" for every
// scenario). Paths are dotted; a segment is a key, an array index or "*" for all of them,
// e.g. "list.paired.*.remoteIp". Keep this list short and give the reason: a difference
// is a mock bug until the lead decides it is not.

export type AllowedDifference = {
  scenario: string;
  path: string;
  reason: string;
};

export const ALLOWED_DIFFERENCES: readonly AllowedDifference[] = [];

export function allowedPaths(scenario: string): string[] {
  return ALLOWED_DIFFERENCES.filter(
    (entry) => entry.scenario === "*" || entry.scenario === scenario,
  ).map((entry) => entry.path);
}
