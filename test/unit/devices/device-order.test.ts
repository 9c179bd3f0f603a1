import { describe, expect, it } from "vitest";
import { sortDevices } from "../../../src/features/devices/device-order";
import type { PairedDevice } from "../../../src/protocol";
import { pairedDevice as device } from "../../support/pair-fixtures";

const ids = (devices: readonly PairedDevice[]) => devices.map((d) => d.deviceId);
const names = (devices: readonly PairedDevice[]) =>
  devices.map((d) => d.operatorLabel ?? d.label ?? d.displayName);

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
});
