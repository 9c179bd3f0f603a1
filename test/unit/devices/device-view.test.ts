import { describe, expect, it } from "vitest";
import {
  filterDevices,
  sortDevices,
  type DeviceFilters,
} from "../../../src/features/devices/device-view";
import type { PairedDevice } from "../../../src/protocol";

function device(deviceId: string, overrides: Partial<PairedDevice> = {}): PairedDevice {
  return {
    deviceId,
    publicKey: `key-${deviceId}`,
    roles: ["operator"],
    scopes: [],
    createdAtMs: 1,
    ...overrides,
  };
}

const noFilters: DeviceFilters = {
  search: "",
  roleFilter: "all",
  clientFilter: "all",
  connectedFilter: "all",
  approvedFilter: "all",
  sort: "name",
};

const names = (devices: readonly PairedDevice[]) => devices.map((d) => d.label ?? d.displayName);

describe("devices view: sort", () => {
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

  it("sorts a list once per sort, and leaves the list as it was", () => {
    const sorted = sortDevices(list, "name");
    expect(sortDevices(list, "name")).toBe(sorted);
    expect(sortDevices(list, "last-seen")).not.toBe(sorted);
    expect(sortDevices([...list], "name")).not.toBe(sorted);
    expect(list.map((d) => d.deviceId)).toEqual(["d4", "d2", "d3", "d1", "d5"]);
  });
});

describe("devices view: filter", () => {
  const sorted = sortDevices(
    [
      device("d1", { displayName: "kitchen tablet", platform: "android" }),
      device("d2", { displayName: "Office laptop", platform: "linux", connected: true }),
      device("d3", { displayName: "office printer", platform: "linux" }),
    ],
    "name",
  );

  it("keeps the sorted order, and hands back the list itself when nothing filters", () => {
    expect(filterDevices(sorted, noFilters)).toBe(sorted);
    expect(names(filterDevices(sorted, { ...noFilters, search: "  OFFICE " }))).toEqual([
      "Office laptop",
      "office printer",
    ]);
    expect(names(filterDevices(sorted, { ...noFilters, search: "linux printer" }))).toEqual([
      "office printer",
    ]);
    expect(names(filterDevices(sorted, { ...noFilters, connectedFilter: "offline" }))).toEqual([
      "kitchen tablet",
      "office printer",
    ]);
  });

  it("finds a renamed device by its new name", () => {
    const [first] = sorted;
    if (!first) throw new Error("no device");
    expect(filterDevices(sorted, { ...noFilters, search: "kitchen" })).toHaveLength(1);
    const renamed = [{ ...first, label: "Hall screen" }, ...sorted.slice(1)];
    expect(names(filterDevices(renamed, { ...noFilters, search: "hall" }))).toEqual([
      "Hall screen",
    ]);
  });
});
