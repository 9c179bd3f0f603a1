import { describe, expect, it } from "vitest";
import { findNameClashes, lookalikeKey } from "../../../src/ui/display-text";
import { createNameClashIndex, type KeyedName } from "../../../src/ui/name-clash-index";

// The kept index must say exactly what findNameClashes says of the same names, after any
// sequence of additions, removals and renames (a rename is the old name out, the new one in).

type Named = KeyedName & { name: string };
const named = (id: string, name: string): Named => ({ id, name, key: lookalikeKey(name) });

function clashingIds(index: ReturnType<typeof createNameClashIndex>, ids: readonly string[]) {
  return ids.filter((id) => index.clashes(id)).sort();
}

function indexOf(...names: Named[]) {
  const index = createNameClashIndex();
  names.forEach((name) => index.add(name));
  return index;
}

describe("createNameClashIndex", () => {
  it("marks look-alike names of different devices", () => {
    const index = indexOf(
      named("d1", "Ada's iPhone"),
      named("d2", "Bob's Mac"),
      named("d3", "\u0410da's iPhone"),
      named("d4", "Cy"),
    );
    expect(clashingIds(index, ["d1", "d2", "d3", "d4"])).toEqual(["d1", "d3"]);
  });

  it("does not mark a device whose pending and paired names are its own", () => {
    const index = indexOf(named("d1", "Ada's iPhone"), named("d1", "ada's iphone"));
    expect(index.clashes("d1")).toBe(false);
  });

  it("never marks blank names", () => {
    const index = indexOf(named("d1", ""), named("d2", " \u200B "));
    expect(clashingIds(index, ["d1", "d2"])).toEqual([]);
  });

  it("clears both marks when one of two clashing names leaves", () => {
    const leaving = named("d1", "build-01");
    const index = indexOf(leaving, named("d2", "buiId-Ol"));
    expect(clashingIds(index, ["d1", "d2"])).toEqual(["d1", "d2"]);
    index.remove(leaving);
    expect(clashingIds(index, ["d1", "d2"])).toEqual([]);
  });

  it("keeps the mark while a third look-alike remains", () => {
    const leaving = named("d1", "modem");
    const index = indexOf(leaving, named("d2", "rnodem"), named("d3", "MODEM"));
    index.remove(leaving);
    expect(clashingIds(index, ["d1", "d2", "d3"])).toEqual(["d2", "d3"]);
  });

  it("follows a rename into a clash and back out of it", () => {
    const index = indexOf(named("d1", "modem"));
    const router = named("d2", "router");
    index.add(router);
    expect(index.clashes("d1")).toBe(false);
    const renamed = named("d2", "rnodem");
    index.remove(router);
    index.add(renamed);
    expect(clashingIds(index, ["d1", "d2"])).toEqual(["d1", "d2"]);
    index.remove(renamed);
    index.add(router);
    expect(clashingIds(index, ["d1", "d2"])).toEqual([]);
  });

  it("agrees with findNameClashes over a long run of changes", () => {
    // A small alphabet of names (some look-alike) and devices, so clashes come and go.
    const names = ["Ada", "\u0410da", "ADA ", "Bob", "B0b", "Cy", "", "modem", "rnodem"];
    const devices = ["d0", "d1", "d2", "d3", "d4", "d5"];
    let seed = 7;
    const pick = <T>(items: readonly T[]): T => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      // The high bits: an LCG's low bits repeat with a short period.
      return items[Math.floor(seed / 65_536) % items.length] as T;
    };
    const index = createNameClashIndex();
    let listed: Named[] = [];
    let clashesSeen = 0;
    for (let step = 0; step < 400; step += 1) {
      const leaving = listed[step % Math.max(1, listed.length)];
      if (pick([true, false, false]) && leaving) {
        index.remove(leaving);
        listed = listed.filter((name) => name !== leaving);
      } else if (pick([true, false]) && leaving) {
        const renamed = named(leaving.id, pick(names));
        index.remove(leaving);
        index.add(renamed);
        listed = listed.map((name) => (name === leaving ? renamed : name));
      } else {
        const added = named(pick(devices), pick(names));
        index.add(added);
        listed = [...listed, added];
      }
      const expected = [...findNameClashes(listed)].sort();
      clashesSeen += expected.length;
      expect(clashingIds(index, devices)).toEqual(expected);
    }
    expect(clashesSeen).toBeGreaterThan(100);
  });
});
