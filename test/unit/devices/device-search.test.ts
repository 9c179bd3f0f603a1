import { describe, expect, it } from "vitest";
import { sortDevices } from "../../../src/features/devices/device-order";
import {
  filterChoices,
  filterDevices,
  type DeviceFilters,
} from "../../../src/features/devices/device-search";
import type { PairedDevice } from "../../../src/protocol";
import { pairedDevice as device } from "../../support/pair-fixtures";

const noFilters: DeviceFilters = {
  search: "",
  roleFilter: "all",
  clientFilter: "all",
  connectedFilter: "all",
  approvedFilter: "all",
};

const names = (devices: readonly PairedDevice[]) =>
  devices.map((d) => d.operatorLabel ?? d.label ?? d.displayName);

describe("devices search: filter", () => {
  const sorted = sortDevices(
    [
      device("d1", { displayName: "kitchen tablet", platform: "android" }),
      device("d2", { displayName: "Office laptop", platform: "linux", connected: true }),
      device("d3", { displayName: "office printer", platform: "linux" }),
    ],
    "name",
  );

  it("keeps the sorted order, and lets everything through when nothing filters", () => {
    expect(filterDevices(sorted, noFilters)).toEqual(sorted);
    expect(filterDevices(sorted, { ...noFilters, search: "   " })).toEqual(sorted);
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

  it("finds a renamed device by its new name, and no longer by its old one", () => {
    const [first] = sorted;
    if (!first) throw new Error("no device");
    expect(filterDevices(sorted, { ...noFilters, search: "kitchen" })).toHaveLength(1);
    const renamed = [{ ...first, operatorLabel: "Hall screen" }, ...sorted.slice(1)];
    expect(names(filterDevices(renamed, { ...noFilters, search: "hall" }))).toEqual([
      "Hall screen",
    ]);
    // The device still reports its own name, which stays searchable.
    expect(names(filterDevices(renamed, { ...noFilters, search: "kitchen" }))).toEqual([
      "Hall screen",
    ]);
    expect(filterDevices(renamed.slice(1), { ...noFilters, search: "hall" })).toEqual([]);
  });

  it("matches client words, roles and scopes, and combines filters", () => {
    const list = [
      device("n1", { displayName: "cron", clientId: "node-host", roles: ["node"] }),
      device("o1", {
        displayName: "desk",
        clientId: "openclaw-macos",
        scopes: ["operator.admin"],
        approvedVia: "owner",
      }),
    ];
    expect(names(filterDevices(list, { ...noFilters, search: "node host" }))).toEqual(["cron"]);
    expect(names(filterDevices(list, { ...noFilters, search: "operator.admin" }))).toEqual([
      "desk",
    ]);
    expect(names(filterDevices(list, { ...noFilters, roleFilter: "node" }))).toEqual(["cron"]);
    expect(
      filterDevices(list, { ...noFilters, approvedFilter: "owner", clientFilter: "node-host" }),
    ).toEqual([]);
  });
});

describe("devices search: filter choices", () => {
  it("lists each role and client once, sorted", () => {
    expect(
      filterChoices([
        device("a", { roles: ["operator", "node"], clientId: "node-host" }),
        device("b", { roles: ["operator"], clientId: "cli" }),
        device("c", { roles: [] }),
      ]),
    ).toEqual({ roles: ["node", "operator"], clients: ["cli", "node-host"] });
  });
});
