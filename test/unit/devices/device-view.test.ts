import { describe, expect, it } from "vitest";
import { approvedHow } from "../../../src/features/devices/device-view";
import { shownText } from "../../../src/ui/display-text";

describe("devices view: words", () => {
  it.each([
    ["silent", "automatically on this host"],
    ["owner", "by an admin"],
    ["cli", "via “cli”"],
    [undefined, "unknown"],
  ])("says how a device approved via %s was approved", (via, words) => {
    expect(approvedHow(via)).toBe(words);
  });
});

describe("devices view: device text for plain-text places", () => {
  it("makes hidden characters visible and cuts long values", () => {
    expect(shownText("evil\u202Eenohpi\u200B")).toBe("evil⟨U+202E⟩enohpi⟨U+200B⟩");
    expect(shownText("Ada's iPhone")).toBe("Ada's iPhone");
    expect(shownText(undefined)).toBe("");
    const long = shownText("W".repeat(500));
    expect(long.length).toBeLessThan(100);
    expect(long.endsWith("…")).toBe(true);
    expect(shownText("W".repeat(500), Number.POSITIVE_INFINITY)).toBe("W".repeat(500));
  });
});
