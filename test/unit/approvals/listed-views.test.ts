import { describe, expect, it } from "vitest";
import { expiresAt } from "../../../src/api/pair-list-reducer";
import {
  createRequestViews,
  filterAndSort,
  type ListFilters,
} from "../../../src/features/approvals/listed-views";
import { toRequestView } from "../../../src/features/approvals/request-view";
import type { PairedDevice, PendingRequest } from "../../../src/protocol";

// The list's views are kept across updates; what they say must match views made from
// scratch, and marks (name clashes, missing scopes) must follow removals and renames.

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
    ...extra,
  };
}

const clashing = (views: readonly { name: string; nameClash: boolean }[]) =>
  views.filter((view) => view.nameClash).map((view) => view.name);

describe("createRequestViews", () => {
  it("says what a view made from scratch says", () => {
    const upgrade = request(1);
    const paired = [pairedTo(upgrade, { operatorLabel: "Ada's phone" })];
    const [view] = createRequestViews()([upgrade], paired, ["operator.read"]);
    const fresh = toRequestView(upgrade, new Map([[upgrade.deviceId, paired[0] as PairedDevice]]));
    expect(view).toMatchObject({
      name: "Ada's phone",
      shownName: "Ada's phone",
      kind: "scope-upgrade",
      client: fresh.client,
      diff: { added: ["operator.write"], kept: ["operator.read"], removed: [] },
      addedRoles: [],
      addsAdmin: false,
      approverNeeds: ["operator.read", "operator.write"],
      missingScopes: ["operator.write"],
      fingerprint: "aaaa aaaa aaaa aaaa",
      expiresAt: fresh.expiresAt,
      whyNotSilent: fresh.whyNotSilent,
      nameClash: false,
    });
    // A view outside the list is not checked against the session's scopes.
    expect(fresh.missingScopes).toEqual([]);
  });

  it("keeps the views of unchanged requests and makes only the new ones", () => {
    const viewsOf = createRequestViews();
    const held: string[] = [];
    const first = [request(1), request(2)];
    const before = viewsOf(first, [], held);
    viewsOf(first, [], held).forEach((view, index) => expect(view).toBe(before[index]));
    const after = viewsOf([...first, request(3)], [], held);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after.map((view) => view.name)).toEqual(["Device 1", "Device 2", "Device 3"]);
  });

  it("makes a new view when the request is refreshed or its scopes change", () => {
    const viewsOf = createRequestViews();
    const a = request(1);
    const [before] = viewsOf([a], [], ["operator.read"]);
    const [refreshed] = viewsOf([{ ...a, ts: T0 + 60_000 }], [], ["operator.read"]);
    expect(refreshed).not.toBe(before);
    expect(refreshed?.expiresAt).toBe(expiresAt({ ts: T0 + 60_000 }));
    const [widened] = viewsOf([a], [], ["operator.admin"]);
    expect(widened?.missingScopes).toEqual([]);
  });

  it("marks look-alike names and clears the mark when one of them leaves", () => {
    const viewsOf = createRequestViews();
    const ada = request(1, { displayName: "Ada's iPhone" });
    const fake = request(2, { displayName: "\u0410da's iPhone" });
    const other = request(3);
    expect(clashing(viewsOf([ada, fake, other], [], []))).toEqual([
      "Ada's iPhone",
      "\u0410da's iPhone",
    ]);
    const [alone] = viewsOf([ada, other], [], []);
    expect(alone?.nameClash).toBe(false);
  });

  it("marks a request whose name looks like a paired device's, following renames", () => {
    const viewsOf = createRequestViews();
    const asking = request(1, { displayName: "build-01" });
    const laptop = pairedTo(request(9), { displayName: "laptop" });
    expect(clashing(viewsOf([asking], [laptop], []))).toEqual([]);
    const renamed = { ...laptop, operatorLabel: "buiId-Ol" };
    expect(clashing(viewsOf([asking], [renamed], []))).toEqual(["build-01"]);
    expect(clashing(viewsOf([asking], [], []))).toEqual([]);
  });

  it("marks a listed request when a look-alike arrives and keeps every other view", () => {
    const viewsOf = createRequestViews();
    const held: string[] = [];
    const ada = request(1, { displayName: "Ada's iPhone" });
    const other = request(2);
    const before = viewsOf([ada, other], [], held);
    const after = viewsOf([ada, other, request(3, { displayName: "ADA'S IPHONE" })], [], held);
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]).toMatchObject({ name: "Ada's iPhone", nameClash: true, kind: "new-device" });
    expect(after[1]).toBe(before[1]);
    expect(clashing(after)).toEqual(["Ada's iPhone", "ADA'S IPHONE"]);
  });

  it("counts a request listed twice once: when it leaves, its name leaves too", () => {
    const viewsOf = createRequestViews();
    const held: string[] = [];
    const ada = request(1, { displayName: "Ada's iPhone" });
    const fake = request(2, { displayName: "\u0410da's iPhone" });
    expect(clashing(viewsOf([ada, ada, fake], [], held))).toHaveLength(3);
    expect(clashing(viewsOf([fake], [], held))).toEqual([]);
  });

  it("drops a request that left while another came twice, refreshed in between", () => {
    const viewsOf = createRequestViews();
    const held: string[] = [];
    const ada = request(1, { displayName: "Ada's iPhone" });
    const fake = request(2, { displayName: "\u0410da's iPhone" });
    expect(clashing(viewsOf([ada, fake], [], held))).toHaveLength(2);
    expect(clashing(viewsOf([ada, { ...ada, ts: T0 + 5 }], [], held))).toEqual([]);
  });

  it("keeps every view when the paired list comes again with the same names", () => {
    const viewsOf = createRequestViews();
    const held: string[] = [];
    const asking = request(1, { displayName: "build-01" });
    const laptop = pairedTo(request(9), { displayName: "buiId-Ol" });
    const before = viewsOf([asking], [laptop], held);
    expect(clashing(before)).toEqual(["build-01"]);
    const after = viewsOf([asking], [{ ...laptop }], held);
    expect(after[0]).toBe(before[0]);
    expect(clashing(viewsOf([asking], [{ ...laptop, displayName: "laptop" }], held))).toEqual([]);
  });

  it("follows the admin's rename of the paired record into the name and the search", () => {
    const viewsOf = createRequestViews();
    const asking = request(1);
    const before = viewsOf([asking], [pairedTo(asking)], []);
    expect(filterAndSort(before, { ...ALL, search: "device 1" })).toHaveLength(1);
    const after = viewsOf([asking], [pairedTo(asking, { operatorLabel: "Kitchen tablet" })], []);
    expect(after[0]?.name).toBe("Kitchen tablet");
    expect(filterAndSort(after, { ...ALL, search: "kitchen" })).toHaveLength(1);
    // The device's own name is still searched; the old label is not kept anywhere.
    expect(filterAndSort(after, { ...ALL, search: "device 1" })).toHaveLength(1);
    expect(filterAndSort(after, { ...ALL, search: "tablet 2" })).toHaveLength(0);
  });
});

describe("filterAndSort", () => {
  const viewsOf = createRequestViews();
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
