import { describe, expect, it } from "vitest";
import {
  filterAndSort,
  toRequestViews as viewsOf,
  type ListFilters,
} from "../../../src/features/approvals/listed-views";
import { toRequestView } from "../../../src/features/approvals/request-view";
import type { PairedDevice, PendingRequest } from "../../../src/protocol";

// What a listed request says, and its marks: a name that reads like another device's, and the
// scopes this session lacks to approve it.

const T0 = 1_700_000_000_000;
const ALL: ListFilters = { kindFilter: "all", clientFilter: "all", search: "", sort: "newest" };

function request(n: number, extra: Partial<PendingRequest> = {}): PendingRequest {
  return {
    requestId: `r${n}`,
    deviceId: `${n}`.padStart(64, "a"),
    publicKey: `key-${n}`,
    displayName: `Device ${n}`,
    clientId: "cli",
    clientMode: "cli",
    role: "operator",
    roles: ["operator"],
    scopes: ["operator.read", "operator.write"],
    remoteIp: `192.168.1.${n}`,
    silent: false,
    isRepair: false,
    ts: T0 + n,
    ...extra,
  };
}

function pairedTo(pending: PendingRequest, extra: Partial<PairedDevice> = {}): PairedDevice {
  return {
    deviceId: pending.deviceId,
    publicKey: pending.publicKey,
    displayName: pending.displayName,
    role: "operator",
    roles: ["operator"],
    scopes: ["operator.read"],
    approvedScopes: ["operator.read"],
    createdAtMs: T0,
    approvedAtMs: T0,
    // A role counts as approved only while a live token holds it.
    tokens: [{ role: "operator", scopes: ["operator.read"], createdAtMs: T0 }],
    ...extra,
  };
}

const clashing = (views: readonly { name: string; nameClash: boolean }[]) =>
  views.filter((view) => view.nameClash).map((view) => view.name);

describe("toRequestViews", () => {
  it("says what a view of the request alone says, plus what this session lacks", () => {
    const upgrade = request(1);
    const paired = [pairedTo(upgrade, { operatorLabel: "Ada's phone" })];
    const [view] = viewsOf([upgrade], paired, ["operator.read", "operator.pairing"]);
    const alone = toRequestView(upgrade, paired[0]);
    expect(view).toMatchObject({
      name: "Ada's phone",
      shownName: "Ada's phone",
      kind: "scope-upgrade",
      client: alone.client,
      diff: { added: ["operator.write"], kept: ["operator.read"], removed: [] },
      roles: ["operator"],
      addsAdmin: false,
      missingScopes: ["operator.write"],
      fingerprint: "aaaa aaaa aaaa aaaa",
      expiresAt: alone.expiresAt,
      whyNotSilent: alone.whyNotSilent,
      nameClash: false,
    });
    expect(viewsOf([upgrade], paired, ["operator.admin"])[0]?.missingScopes).toEqual([]);
    // Without operator.pairing no device action is allowed at all.
    expect(viewsOf([upgrade], paired, ["operator.read"])[0]?.missingScopes).toEqual([
      "operator.pairing",
      "operator.write",
    ]);
  });

  it("marks look-alike names, and only while both are listed", () => {
    const ada = request(1, { displayName: "Ada's iPhone" });
    const fake = request(2, { displayName: "\u0410da's iPhone" });
    const loud = request(3, { displayName: "ADA'S IPHONE" });
    expect(clashing(viewsOf([ada, fake, request(4)], [], []))).toEqual([
      "Ada's iPhone",
      "\u0410da's iPhone",
    ]);
    expect(clashing(viewsOf([ada, request(4)], [], []))).toEqual([]);
    expect(clashing(viewsOf([ada, loud], [], []))).toEqual(["Ada's iPhone", "ADA'S IPHONE"]);
    // One device listed twice (pending and paired, or refreshed) is no clash with itself.
    expect(clashing(viewsOf([ada, ada], [pairedTo(ada)], []))).toEqual([]);
  });

  it("never marks nameless devices, though they share their client's name", () => {
    const first = request(1, { displayName: undefined });
    const second = request(2, { displayName: " " });
    const views = viewsOf([first, second], [], []);
    expect(views.map((view) => view.name)).toEqual(["command-line tool", "command-line tool"]);
    expect(clashing(views)).toEqual([]);
  });

  it("marks a request whose name looks like a paired device's, following renames", () => {
    const asking = request(1, { displayName: "build-01" });
    const laptop = pairedTo(request(9), { displayName: "laptop" });
    expect(clashing(viewsOf([asking], [laptop], []))).toEqual([]);
    const renamed = { ...laptop, operatorLabel: "buiId-Ol" };
    expect(clashing(viewsOf([asking], [renamed], []))).toEqual(["build-01"]);
  });

  it("follows the admin's rename of the paired record into the name and the search", () => {
    const asking = request(1);
    const before = viewsOf([asking], [pairedTo(asking)], []);
    expect(filterAndSort(before, { ...ALL, search: "device 1" })).toHaveLength(1);
    const after = viewsOf([asking], [pairedTo(asking, { operatorLabel: "Kitchen tablet" })], []);
    expect(after[0]?.name).toBe("Kitchen tablet");
    expect(filterAndSort(after, { ...ALL, search: "kitchen" })).toHaveLength(1);
    // The device's own name is still searched; a search never matches across two fields.
    expect(filterAndSort(after, { ...ALL, search: "device 1" })).toHaveLength(1);
    expect(filterAndSort(after, { ...ALL, search: "tablet 2" })).toHaveLength(0);
  });
});

describe("filterAndSort", () => {
  const views = viewsOf(
    [request(1, { remoteIp: "10.0.0.7" }), request(2), request(3, { clientId: "ios" })],
    [],
    [],
  );
  const names = (shown: readonly { name: string }[]) => shown.map((view) => view.name);

  it("sorts by age and filters by client", () => {
    expect(names(filterAndSort(views, ALL))).toEqual(["Device 3", "Device 2", "Device 1"]);
    expect(names(filterAndSort(views, { ...ALL, sort: "oldest" }))).toEqual([
      "Device 1",
      "Device 2",
      "Device 3",
    ]);
    expect(names(filterAndSort(views, { ...ALL, clientFilter: "ios" }))).toEqual(["Device 3"]);
  });

  it("searches name, device id and address without regard to case", () => {
    expect(names(filterAndSort(views, { ...ALL, search: " DEVICE 2 " }))).toEqual(["Device 2"]);
    expect(names(filterAndSort(views, { ...ALL, search: "10.0.0" }))).toEqual(["Device 1"]);
    expect(names(filterAndSort(views, { ...ALL, search: "aaa3" }))).toEqual(["Device 3"]);
    expect(filterAndSort(views, { ...ALL, search: "nobody" })).toEqual([]);
  });
});
