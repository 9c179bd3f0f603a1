import { describe, expect, it } from "vitest";
import { requestKind } from "../../../src/policy";
import { kindDoubt } from "../../../src/policy/kind-doubt";
import type { DeviceTokenSummary, PairedDevice, PendingRequest } from "../../../src/protocol";
import { pairedDevice, pendingRequest } from "./fixtures";

// The kind a request is shown as, against the reason the real gateway gave the connecting device
// for the same ask (docs/real-gateway-admin-and-nodes.md §1–§3, every measured case).

const read = "operator.read";
const write = "operator.write";
const pairing = "operator.pairing";
const admin = "operator.admin";
const live = (scopes: string[], role = "operator"): DeviceTokenSummary => ({
  role,
  scopes,
  createdAtMs: 1_000,
});
const revoked = (scopes: string[], at = 1_500): DeviceTokenSummary => ({
  ...live(scopes),
  revokedAtMs: at,
});
const KIND_OF_REASON = {
  "not-paired": "new-device",
  "role-upgrade": "role-upgrade",
  "scope-upgrade": "scope-upgrade",
  "metadata-upgrade": "re-approval",
} as const;

type Case = [
  string,
  Partial<PendingRequest>,
  PairedDevice | undefined,
  keyof typeof KIND_OF_REASON,
];
const MEASURED: Case[] = [
  [
    "(a) node-host with an Origin, new",
    { scopes: [read], isRepair: false },
    undefined,
    "not-paired",
  ],
  [
    "(a) the same, paired [read], asks [read, write]",
    { scopes: [read, write] },
    pairedDevice(),
    "scope-upgrade",
  ],
  [
    "(b) via a trusted proxy, paired [read], asks [read, write]",
    { scopes: [read, write], remoteIp: "192.168.1.50" },
    pairedDevice(),
    "scope-upgrade",
  ],
  [
    "(c) device token, platform darwin (stored as macos / Mac)",
    { scopes: [read], platform: "macos", deviceFamily: "Mac" },
    pairedDevice({ deviceFamily: "Linux" }),
    "metadata-upgrade",
  ],
  [
    "(c) device token and the shared token, [read, write]",
    { scopes: [read, write], deviceFamily: "Linux" },
    pairedDevice({ deviceFamily: "Linux" }),
    "scope-upgrade",
  ],
  [
    "role: paired operator [read] asks role node",
    { role: "node", roles: ["node"], scopes: [] },
    pairedDevice(),
    "role-upgrade",
  ],
  [
    "meta: platform darwin",
    { scopes: [read], platform: "macos" },
    pairedDevice(),
    "metadata-upgrade",
  ],
  [
    "metadata and scopes at once: [read, write] on darwin",
    { scopes: [read, write], platform: "macos", deviceFamily: "Mac" },
    pairedDevice({ deviceFamily: "Linux" }),
    "metadata-upgrade",
  ],
  [
    "implied scopes: paired [write], asks [read] on a changed platform",
    { scopes: [read], platform: "macos" },
    pairedDevice({ scopes: [write], tokens: [live([read, write])] }),
    "metadata-upgrade",
  ],
  [
    "rev-up: revoked, asks [read, write]",
    { scopes: [read, write], ts: 2_000 },
    pairedDevice({ tokens: [revoked([read])] }),
    "role-upgrade",
  ],
  [
    "rev-same: revoked, asks the same [read]",
    { scopes: [read], ts: 2_000 },
    pairedDevice({ tokens: [revoked([read])] }),
    "role-upgrade",
  ],
  [
    "rev-approve: role upgrade approved, asks more",
    { scopes: [read, write, admin] },
    pairedDevice({
      scopes: [read, write],
      tokens: [{ ...live([read, write]), rotatedAtMs: 3_000 }],
    }),
    "scope-upgrade",
  ],
  ["removed, asks again", { scopes: [read], isRepair: false }, undefined, "not-paired"],
  [
    "a Control UI approved [read, pairing, write, admin] asking admin again: nothing to approve but identity",
    {
      clientId: "openclaw-control-ui",
      clientMode: "webchat",
      platform: "web",
      scopes: [read, pairing, admin],
    },
    pairedDevice({
      platform: "Web",
      scopes: [read, pairing, write, admin],
      tokens: [live([admin, pairing, read, write])],
    }),
    "metadata-upgrade",
  ],
];

describe("requestKind: the gateway's reason for every measured case", () => {
  it.each(MEASURED)("%s → %s", (_name, change, paired, reason) => {
    expect(requestKind(pendingRequest(change), paired)).toBe(KIND_OF_REASON[reason]);
  });
});

describe("requestKind: the rule's order and edges", () => {
  it.each<[string, Partial<PendingRequest>, PairedDevice | undefined, string]>([
    [
      "a paired record of another device id",
      {},
      pairedDevice({ deviceId: "f".repeat(64) }),
      "new-device",
    ],
    ["the same id with another public key", { publicKey: "pk-new" }, pairedDevice(), "new-device"],
    [
      "an extra role among roles (a superseding union)",
      { roles: ["operator", "node"], scopes: [] },
      pairedDevice(),
      "role-upgrade",
    ],
    [
      "admin approved, read asked: admin implies it",
      { scopes: [read], platform: "linux" },
      pairedDevice({ scopes: [admin] }),
      "re-approval",
    ],
    [
      "write approved, read asked: write implies it",
      { scopes: [read] },
      pairedDevice({ scopes: [write] }),
      "re-approval",
    ],
    [
      "a changed platform before a missing role",
      { role: "node", roles: ["node"], platform: "macos" },
      pairedDevice(),
      "re-approval",
    ],
    [
      "a role before scopes",
      { role: "node", roles: ["node"], scopes: [admin] },
      pairedDevice(),
      "role-upgrade",
    ],
    [
      // The gateway's pin rule: a native app's newer OS version is not a changed identity.
      "an iPhone app on a newer iOS asking for write",
      { clientId: "openclaw-ios", clientMode: "ui", platform: "ios 18.2", scopes: [write] },
      pairedDevice({ clientId: "openclaw-ios", clientMode: "ui", platform: "ios 18.1" }),
      "scope-upgrade",
    ],
    [
      "the case of a platform does not count",
      { scopes: [read], platform: "LINUX" },
      pairedDevice(),
      "re-approval",
    ],
    [
      // The gateway counts a role only while a live token for it exists.
      "a role approved with no token list",
      { scopes: ["operator.read"] },
      pairedDevice({ tokens: undefined }),
      "role-upgrade",
    ],
    [
      "an unpinned platform pins nothing",
      { scopes: [write], platform: "macos" },
      pairedDevice({ platform: undefined }),
      "scope-upgrade",
    ],
  ])("%s → %s", (_name, change, paired, expected) => {
    expect(requestKind(pendingRequest(change), paired)).toBe(expected);
  });
});

describe("kindDoubt: what the list cannot settle", () => {
  it("a token revoked after the request was made", () => {
    const paired = pairedDevice({ tokens: [revoked([read], 5_000)] });
    expect(kindDoubt(pendingRequest({ scopes: [read], ts: 2_000 }), paired)).toMatch(
      /revoked after it asked/,
    );
    // Revoked before it asked: the gateway said role-upgrade too.
    const before = pairedDevice({ tokens: [revoked([read], 1_500)] });
    expect(kindDoubt(pendingRequest({ scopes: [read], ts: 2_000 }), before)).toBeUndefined();
  });

  it("a request that replaced another carries both asks", () => {
    expect(kindDoubt(pendingRequest(), pairedDevice(), true)).toMatch(/both asks/);
  });

  it("a scope upgrade may have been asked for by the device itself", () => {
    expect(kindDoubt(pendingRequest(), pairedDevice())).toMatch(/device\.scopes\.requestUpgrade/);
  });

  it("a re-approval with nothing changed in the list says so", () => {
    expect(kindDoubt(pendingRequest({ scopes: [read] }), pairedDevice())).toMatch(
      /no changed platform/,
    );
    expect(
      kindDoubt(pendingRequest({ scopes: [read], platform: "macos" }), pairedDevice()),
    ).toBeUndefined();
  });

  it("a new device leaves no doubt", () => {
    expect(kindDoubt(pendingRequest(), undefined)).toBeUndefined();
  });
});
