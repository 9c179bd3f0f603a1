import { describe, expect, it } from "vitest";
import { findNameClashes, lookalikeKey } from "../../../src/ui/display-text";
import { createNameClashIndex, type NameClashIndex } from "../../../src/ui/name-clash-index";

// The kept index must say exactly what findNameClashes says of the same names, after any
// sequence of additions, removals and renames (a rename is the old name out, the new one in).

type Named = { id: string; name: string; key: string };
const named = (id: string, name: string): Named => ({ id, name, key: lookalikeKey(name) });
const add = (index: NameClashIndex, name: Named) => index.add(name.id, name.key);
const remove = (index: NameClashIndex, name: Named) => index.remove(name.id, name.key);

function clashingIds(index: NameClashIndex, ids: readonly string[]) {
  return ids.filter((id) => index.clashes(id)).sort();
}

function indexOf(...names: Named[]) {
  const index = createNameClashIndex();
  names.forEach((name) => add(index, name));
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
    remove(index, leaving);
    expect(clashingIds(index, ["d1", "d2"])).toEqual([]);
  });

  it("keeps the mark while a third look-alike remains", () => {
    const leaving = named("d1", "modem");
    const index = indexOf(leaving, named("d2", "rnodem"), named("d3", "MODEM"));
    remove(index, leaving);
    expect(clashingIds(index, ["d1", "d2", "d3"])).toEqual(["d2", "d3"]);
  });

  it("follows a rename into a clash and back out of it", () => {
    const index = indexOf(named("d1", "modem"));
    const router = named("d2", "router");
    add(index, router);
    expect(index.clashes("d1")).toBe(false);
    const renamed = named("d2", "rnodem");
    remove(index, router);
    add(index, renamed);
    expect(clashingIds(index, ["d1", "d2"])).toEqual(["d1", "d2"]);
    remove(index, renamed);
    add(index, router);
    expect(clashingIds(index, ["d1", "d2"])).toEqual([]);
  });

  it("keeps the mark while the same device still has another look-alike name filed", () => {
    const pending = named("d1", "modem");
    const index = indexOf(pending, named("d1", "MODEM"), named("d2", "rnodem"));
    remove(index, pending);
    expect(clashingIds(index, ["d1", "d2"])).toEqual(["d1", "d2"]);
    remove(index, named("d1", "modem"));
    expect(clashingIds(index, ["d1", "d2"])).toEqual([]);
  });

  it("ignores taking out a name that was never filed", () => {
    const index = indexOf(named("d1", "modem"), named("d2", "rnodem"));
    remove(index, named("d3", "modem"));
    remove(index, named("d1", "router"));
    expect(clashingIds(index, ["d1", "d2", "d3"])).toEqual(["d1", "d2"]);
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
        remove(index, leaving);
        listed = listed.filter((name) => name !== leaving);
      } else if (pick([true, false]) && leaving) {
        const renamed = named(leaving.id, pick(names));
        remove(index, leaving);
        add(index, renamed);
        listed = listed.map((name) => (name === leaving ? renamed : name));
      } else {
        const added = named(pick(devices), pick(names));
        add(index, added);
        listed = [...listed, added];
      }
      const expected = [...findNameClashes(listed)].sort();
      clashesSeen += expected.length;
      expect(clashingIds(index, devices)).toEqual(expected);
    }
    expect(clashesSeen).toBeGreaterThan(100);
  });
});
