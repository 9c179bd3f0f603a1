import { describe, expect, it } from "vitest";
import { approvedHow } from "../../../src/features/devices/device-view";

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
