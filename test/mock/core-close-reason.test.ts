import { describe, expect, it } from "vitest";
import { truncateCloseReason } from "../../mocks/core/close-reason";

// Close reasons are cut to 120 bytes of UTF-8 without splitting a character.

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("truncateCloseReason", () => {
  it.each([
    ["short ASCII", "pairing required (requestId: abc)"],
    ["exactly 120 bytes", "x".repeat(120)],
    ["40 three-byte characters", "€".repeat(40)],
    ["30 emoji (four bytes each)", "😀".repeat(30)],
  ])("keeps %s whole", (_name, reason) => {
    expect(truncateCloseReason(reason)).toBe(reason);
  });

  it.each([
    ["121 ASCII bytes", "x".repeat(121), "x".repeat(120)],
    ["41 three-byte characters", "€".repeat(41), "€".repeat(40)],
    ["an emoji across the limit", `${"x".repeat(118)}😀`, "x".repeat(118)],
    ["a lone surrogate counted as U+FFFD", `${"x".repeat(118)}\ud800`, "x".repeat(118)],
  ])("cuts %s at a character boundary", (_name, reason, expected) => {
    const cut = truncateCloseReason(reason);
    expect(cut).toBe(expected);
    expect(bytes(cut)).toBeLessThanOrEqual(120);
  });
});
