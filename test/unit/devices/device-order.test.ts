import { describe, expect, it } from "vitest";
import {
  createDeviceSorter,
  resortDevices,
  sortDevices,
} from "../../../src/features/devices/device-order";
import type { PairedDevice } from "../../../src/protocol";
import { pairedDevice as device } from "../../support/pair-fixtures";
import type { DeviceSort } from "../../../src/stores/devices-store";

const ids = (devices: readonly PairedDevice[]) => devices.map((d) => d.deviceId);
const names = (devices: readonly PairedDevice[]) =>
  devices.map((d) => d.operatorLabel ?? d.label ?? d.displayName);

// The order the screen promises, written the slow, obvious way.
const base = new Intl.Collator(undefined, { sensitivity: "base" });
const every = new Intl.Collator();
function expectedOrder(devices: readonly PairedDevice[], sort: DeviceSort): string[] {
  const time = (d: PairedDevice) =>
    sort === "last-seen"
      ? d.lastSeenAtMs
      : sort === "approved"
        ? d.approvedAtMs
        : sort === "created"
          ? d.createdAtMs
          : 0;
  const name = (d: PairedDevice) =>
    d.operatorLabel?.trim() || d.label?.trim() || d.displayName?.trim() || d.clientId || d.deviceId;
  return ids(
    [...devices].sort(
      (a, b) =>
        (time(b) ?? -1) - (time(a) ?? -1) ||
        base.compare(name(a), name(b)) ||
        every.compare(a.deviceId, b.deviceId),
    ),
  );
}

// A small deterministic generator: the same "random" fleet on every run.
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const PIECES = [
  "ada",
  "Ada",
  "Émile",
  "emile",
  "zoë",
  "Zoe",
  "o'brien",
  "ob rien",
  "10",
  "9",
  "_x",
];

function fleet(count: number, seed: number): PairedDevice[] {
  const random = seeded(seed);
  const pick = () => PIECES[Math.floor(random() * PIECES.length)] ?? "";
  return Array.from({ length: count }, (_, index) =>
    device(`d${String(index).padStart(4, "0")}`, {
      displayName: `${pick()} ${pick()}`,
      // Some share a time, some never were seen: ties and blanks on every date sort.
      lastSeenAtMs: index % 7 === 0 ? undefined : Math.floor(random() * 20),
      approvedAtMs: Math.floor(random() * 5),
      createdAtMs: Math.floor(random() * 50),
    }),
  );
}

describe("devices order: a full sort", () => {
  const list = [
    device("d4", { displayName: "Zoë's laptop", lastSeenAtMs: 5 }),
    device("d2", { displayName: "ada's iPhone" }),
    device("d3", { displayName: "Émile", lastSeenAtMs: 9 }),
    device("d1", { displayName: "Ada's iPhone", label: "Ada's iphone" }),
    device("d5", { displayName: "bravo", lastSeenAtMs: 5 }),
  ];

  it.each([
    // By name ignoring case and accents; the same name is ordered by device ID.
    ["name", ["Ada's iphone", "ada's iPhone", "bravo", "Émile", "Zoë's laptop"]],
    // Newest first, never seen last, ties by name.
    ["last-seen", ["Émile", "bravo", "Zoë's laptop", "Ada's iphone", "ada's iPhone"]],
  ] as const)("by %s", (sort, expected) => {
    expect(names(sortDevices(list, sort))).toEqual(expected);
  });

  it("leaves the given list as it was", () => {
    sortDevices(list, "name");
    expect(ids(list)).toEqual(["d4", "d2", "d3", "d1", "d5"]);
  });

  it.each(["name", "last-seen", "approved", "created"] as const)(
    "agrees with a plain collator sort by %s, ties and accents included",
    (sort) => {
      const many = fleet(600, 7);
      expect(ids(sortDevices(many, sort))).toEqual(expectedOrder(many, sort));
    },
  );
});

describe("devices order: re-ordering a changed list", () => {
  const start = [
    device("a", { displayName: "alpha" }),
    device("b", { displayName: "bravo" }),
    device("c", { displayName: "charlie" }),
    device("d", { displayName: "delta" }),
  ];
  const sorted = sortDevices(start, "name");

  it("moves a renamed device to its new place", () => {
    const [alpha, ...rest] = start;
    if (!alpha) throw new Error("no device");
    const next = [{ ...alpha, operatorLabel: "Cobra" }, ...rest];
    const resorted = resortDevices({ devices: start, sorted }, next, "name");
    expect(names(resorted)).toEqual(["bravo", "charlie", "Cobra", "delta"]);
    // Records that did not change are the same objects, in the same relative order.
    expect(resorted[0]).toBe(start[1]);
  });

  it("drops a removed device and places a new one, keeping the rest", () => {
    const next = [...start.filter((d) => d.deviceId !== "b"), device("e", { displayName: "Bea" })];
    expect(names(resortDevices({ devices: start, sorted }, next, "name"))).toEqual([
      "alpha",
      "Bea",
      "charlie",
      "delta",
    ]);
  });

  it("hands back the same array when only the list object changed", () => {
    expect(resortDevices({ devices: start, sorted }, [...start].reverse(), "name")).toBe(sorted);
  });

  it("orders a new device that ties on name by its device ID", () => {
    const next = [...start, device("0", { displayName: "Charlie" })];
    expect(ids(resortDevices({ devices: start, sorted }, next, "name"))).toEqual([
      "a",
      "b",
      "0",
      "c",
      "d",
    ]);
  });

  it.each(["name", "last-seen", "created"] as const)(
    "matches a full sort by %s after renames, new times, removals and additions",
    (sort) => {
      const before = fleet(400, 11);
      const previous = { devices: before, sorted: sortDevices(before, sort) };
      const random = seeded(3);
      const next = before
        .filter(() => random() > 0.05)
        .map((d) =>
          random() < 0.05
            ? { ...d, operatorLabel: `renamed ${Math.floor(random() * 9)}`, lastSeenAtMs: 3 }
            : d,
        );
      next.push(...fleet(410, 5).slice(400));
      expect(ids(resortDevices(previous, next, sort))).toEqual(expectedOrder(next, sort));
    },
  );

  it("sorts afresh when most of the list is new", () => {
    const next = fleet(100, 2);
    expect(ids(resortDevices({ devices: start, sorted }, next, "name"))).toEqual(
      expectedOrder(next, "name"),
    );
  });
});

describe("devices order: the screen's sorter", () => {
  it("gives the same array for the same list and sort, and remembers each sort", () => {
    const sorter = createDeviceSorter();
    const list = fleet(50, 1);
    const byName = sorter(list, "name");
    expect(sorter(list, "name")).toBe(byName);
    const byCreated = sorter(list, "created");
    expect(ids(byCreated)).toEqual(expectedOrder(list, "created"));
    expect(sorter(list, "name")).toBe(byName);
  });

  it("follows a rename and a removal from its last order", () => {
    const sorter = createDeviceSorter();
    const list = [
      device("a", { displayName: "alpha" }),
      device("b", { displayName: "bravo" }),
      device("c", { displayName: "charlie" }),
    ];
    expect(names(sorter(list, "name"))).toEqual(["alpha", "bravo", "charlie"]);
    const renamed = list.with(2, { ...list[2], deviceId: "c", label: "Aardvark" } as PairedDevice);
    expect(names(sorter(renamed, "name"))).toEqual(["Aardvark", "alpha", "bravo"]);
    expect(names(sorter(renamed.toSpliced(0, 1), "name"))).toEqual(["Aardvark", "bravo"]);
  });
});
