const WORDS = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function formatAgo(at: number, now: number): string {
  const ago = Math.max(0, now - at);
  const [unit, size] = UNITS.find(([, ms]) => ago >= ms) ?? ["second", Infinity];
  return WORDS.format(-Math.floor(ago / size), unit);
}
