import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { duplicatePairings, stalePairings } from "../../../src/policy";
import type { PairedDevice } from "../../../src/protocol";

// Older pairings of one device, and which of them "Clean up N stale" may remove, by the real
// Control UI's rule (docs/real-gateway-admin-and-nodes.md §9).

type Pairing = PairedDevice;

const pairing = (deviceId: string, fields: Partial<PairedDevice> = {}): Pairing => ({
  deviceId,
  publicKey: "",
  roles: [],
  scopes: [],
  createdAtMs: 0,
  approvedVia: "silent",
  ...fields,
});

const ids = (devices: readonly Pairing[]) => devices.map((d) => d.deviceId);

describe("duplicatePairings", () => {
  it.each<[string, Pairing[], string[][]]>([
    ["one pairing is no group", [pairing("a", { displayName: "Box" })], []],
    [
      "the same name in any case and spacing groups, newest seen first",
      [
        pairing("a", { displayName: "Box", lastSeenAtMs: 1 }),
        pairing("b", { displayName: " box ", lastSeenAtMs: 3 }),
        pairing("c", { displayName: "BOX", approvedAtMs: 2 }),
      ],
      [["b", "c", "a"]],
    ],
    [
      "a connected pairing comes first, however old",
      [
        pairing("a", { displayName: "Box", lastSeenAtMs: 9 }),
        pairing("b", { displayName: "Box", lastSeenAtMs: 1, connected: true }),
      ],
      [["b", "a"]],
    ],
    [
      "nameless pairings group by client and mode, ties by id",
      [
        pairing("b", { clientId: "openclaw-control-ui", clientMode: "webchat" }),
        pairing("a", { clientId: "openclaw-control-ui", clientMode: "webchat" }),
        pairing("c", { clientId: "openclaw-control-ui", clientMode: "ui" }),
      ],
      [["a", "b"]],
    ],
    [
      "a name wins over the client; the admin's label does not group",
      [
        pairing("a", { displayName: "Box", clientId: "cli", operatorLabel: "One" }),
        pairing("b", { clientId: "cli", operatorLabel: "One" }),
        pairing("c", { clientId: "cli" }),
      ],
      [["b", "c"]],
    ],
    ["pairings without name or client never group", [pairing("a"), pairing("b")], []],
  ])("%s", (_, devices, expected) => {
    const groups = duplicatePairings(devices);
    expect(groups.map((g) => ids([g.primary, ...g.older]))).toEqual(expected);
  });
});

describe("stalePairings", () => {
  it.each<[string | undefined, boolean, boolean]>([
    ["silent", false, true],
    ["trusted-cidr", false, true],
    ["ssh-verified", false, true],
    ["owner", false, false],
    [undefined, false, false],
    ["bootstrap", false, false],
    ["silent", true, false],
  ])("offers an older pairing approved via %s, connected %s: %s", (via, connected, offered) => {
    const older = pairing("old", {
      displayName: "Box",
      approvedVia: via,
      connected,
      lastSeenAtMs: 1,
    });
    const newest = pairing("new", { displayName: "Box", lastSeenAtMs: 2 });
    const stale = stalePairings(duplicatePairings([older, newest]));
    expect(ids(stale).includes("old")).toBe(offered);
  });

  it("never offers a connected pairing, the first of a group, or one an owner approved", () => {
    const device = fc.record({
      displayName: fc.constantFrom(undefined, "Box", "box ", "Phone"),
      clientId: fc.constantFrom(undefined, "cli", "node-host"),
      clientMode: fc.constantFrom(undefined, "cli", "node"),
      connected: fc.boolean(),
      lastSeenAtMs: fc.option(fc.nat(5), { nil: undefined }),
      approvedAtMs: fc.option(fc.nat(5), { nil: undefined }),
      approvedVia: fc.constantFrom(undefined, "silent", "owner", "trusted-cidr", "bootstrap"),
    });
    fc.assert(
      fc.property(fc.array(device, { maxLength: 12 }), (fields) => {
        const devices = fields.map((f, i) => pairing(`d${i}`, f));
        const groups = duplicatePairings(devices);
        const primaries = new Set(groups.map((g) => g.primary.deviceId));
        for (const stale of stalePairings(groups)) {
          expect(stale.connected).toBe(false);
          expect(primaries.has(stale.deviceId)).toBe(false);
          expect(["silent", "trusted-cidr", "ssh-verified"]).toContain(stale.approvedVia);
        }
        // Every pairing is in at most one group, and a group's first is never older than the rest.
        const grouped = groups.flatMap((g) => ids([g.primary, ...g.older]));
        expect(new Set(grouped).size).toBe(grouped.length);
        for (const { primary, older } of groups)
          if (!primary.connected) expect(older.every((d) => !d.connected)).toBe(true);
      }),
    );
  });
});
