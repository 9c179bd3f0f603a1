import { describe, expect, it } from "vitest";
import { formatAgo } from "../../../src/ui/relative-time";

const NOW = 1_700_000_000_000;
const WORDS = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

describe("formatAgo", () => {
  it.each<[number, string]>([
    [0, WORDS.format(0, "second")],
    [59_999, WORDS.format(0, "second")],
    [60_000, WORDS.format(-1, "minute")],
    [4 * 60_000 + 59_999, WORDS.format(-4, "minute")],
    [3 * 3_600_000, WORDS.format(-3, "hour")],
    [36 * 3_600_000, WORDS.format(-1, "day")],
    [10 * 86_400_000, WORDS.format(-10, "day")],
    // A clock behind the gateway's never reads as the future.
    [-5_000, WORDS.format(0, "second")],
  ])("%i ms ago reads %j", (ago, expected) => {
    expect(formatAgo(NOW - ago, NOW)).toBe(expected);
  });
});
