import { describe, expect, it } from "vitest";
import type { PairedDevice } from "../../../src/protocol";
import { pairingReasons, type PairingAsk } from "../../../src/policy";
import { PUBLIC_KEY, pairedDevice } from "./fixtures";

const sameAsk: PairingAsk = {
  role: "operator",
  scopes: ["operator.read"],
  platform: "linux",
  publicKey: PUBLIC_KEY,
};

/** The reasons in the gateway's order, or "none". */
function reasons(paired: PairedDevice | undefined, ask: PairingAsk): string {
  return pairingReasons(paired, ask).join(" + ") || "none";
}

describe("pairingReasons", () => {
  it.each<[string, PairedDevice | undefined, Partial<PairingAsk>, string]>([
    ["no paired record", undefined, {}, "not-paired"],
    [
      "a different public key under the same id",
      pairedDevice(),
      { publicKey: "pk-other" },
      "not-paired",
    ],
    ["the same ask", pairedDevice(), {}, "none"],
    ["no public key in the ask", pairedDevice(), { publicKey: undefined }, "none"],
    [
      "fewer scopes than approved",
      pairedDevice({ scopes: ["operator.read", "operator.write"] }),
      {},
      "none",
    ],
    ["no scopes at all", pairedDevice(), { scopes: [] }, "none"],
  ])("%s → %s", (_name, paired, change, expected) => {
    expect(reasons(paired, { ...sameAsk, ...change })).toBe(expected);
  });

  describe("role-upgrade", () => {
    it.each<[string, Partial<PairedDevice>, Partial<PairingAsk>, string]>([
      ["a role never approved", {}, { role: "node", scopes: [] }, "role-upgrade"],
      [
        "an approved role whose only token is revoked",
        { tokens: [{ role: "operator", scopes: [], createdAtMs: 1, revokedAtMs: 5 }] },
        {},
        "role-upgrade",
      ],
      ["tokens listed but empty", { tokens: [] }, {}, "role-upgrade"],
      // The gateway counts a role only while the device holds a live token for it.
      ["no tokens listed: no role counts", { tokens: undefined }, {}, "role-upgrade"],
      [
        "a live token for another role only",
        { roles: ["operator", "node"], tokens: [{ role: "node", scopes: [], createdAtMs: 1 }] },
        {},
        "role-upgrade",
      ],
      [
        "a revoked and a live token for the role",
        {
          tokens: [
            { role: "operator", scopes: [], createdAtMs: 1, revokedAtMs: 2 },
            { role: "operator", scopes: [], createdAtMs: 3 },
          ],
        },
        {},
        "none",
      ],
      ["the role only in the legacy role field", { roles: [], role: "operator" }, {}, "none"],
      [
        "a role and a scope upgrade together: both, role first",
        {},
        { role: "node", scopes: ["operator.write"] },
        "role-upgrade + scope-upgrade",
      ],
    ])("%s → %s", (_name, pairedChange, askChange, expected) => {
      expect(reasons(pairedDevice(pairedChange), { ...sameAsk, ...askChange })).toBe(expected);
    });
  });

  describe("scope-upgrade", () => {
    it.each<[string, Partial<PairedDevice>, Partial<PairingAsk>, string]>([
      [
        "the seed: paired read, asking write",
        {},
        { scopes: ["operator.read", "operator.write"] },
        "scope-upgrade",
      ],
      ["asking admin", {}, { scopes: ["operator.admin"] }, "scope-upgrade"],
      [
        "admin approved covers every operator scope",
        { scopes: ["operator.admin"] },
        { scopes: ["operator.read", "operator.write", "operator.talk.secrets"] },
        "none",
      ],
      [
        "admin approved does not cover other roles' scopes",
        { scopes: ["operator.admin"] },
        { scopes: ["node.invoke"] },
        "scope-upgrade",
      ],
      [
        "an operator never holds a scope outside operator.*, approved or not",
        { scopes: ["operator.read", "node.exec"] },
        { scopes: ["node.exec"] },
        "scope-upgrade",
      ],
      [
        "a node holds node.* scopes exactly as approved",
        {
          roles: ["node"],
          role: "node",
          scopes: ["node.exec"],
          tokens: [{ role: "node", scopes: ["node.exec"], createdAtMs: 1 }],
        },
        { role: "node", scopes: ["node.exec"] },
        "none",
      ],
      [
        "approvedScopes wins over scopes",
        { scopes: ["operator.write"], approvedScopes: ["operator.read"] },
        { scopes: ["operator.write"] },
        "scope-upgrade",
      ],
      [
        "approvedScopes grants what scopes lacks",
        { scopes: [], approvedScopes: ["operator.write"] },
        { scopes: ["operator.write"] },
        "none",
      ],
      ["no approved scopes cover no asked scope", { scopes: [] }, {}, "scope-upgrade"],
      ["no approved scopes, nothing asked", { scopes: [] }, { scopes: [] }, "none"],
      [
        "a changed platform is reported first",
        {},
        { scopes: ["operator.write"], platform: "darwin" },
        "metadata-upgrade + scope-upgrade",
      ],
    ])("%s → %s", (_name, pairedChange, askChange, expected) => {
      expect(reasons(pairedDevice(pairedChange), { ...sameAsk, ...askChange })).toBe(expected);
    });
  });

  describe("metadata-upgrade", () => {
    const nodeHost = { clientId: "node-host", clientMode: "node" };
    const ios = { clientId: "openclaw-ios", clientMode: "ui" };
    it.each<[string, Partial<PairedDevice>, Partial<PairingAsk>, string]>([
      ["another platform", {}, { platform: "darwin" }, "metadata-upgrade"],
      [
        "the same platform in other case and spacing",
        { platform: "Linux" },
        { platform: "  LINUX " },
        "none",
      ],
      ["a platform dropped while one is pinned", {}, { platform: undefined }, "metadata-upgrade"],
      [
        "a platform claimed while none is pinned",
        { platform: undefined },
        { platform: "darwin" },
        "none",
      ],
      ["a blank pinned platform", { platform: "  " }, { platform: "darwin" }, "none"],
      [
        "another device family",
        { deviceFamily: "Desktop" },
        { deviceFamily: "iPhone" },
        "metadata-upgrade",
      ],
      [
        "the same device family in other case",
        { deviceFamily: "iPad" },
        { deviceFamily: "IPAD" },
        "none",
      ],
      ["a device family claimed while none is pinned", {}, { deviceFamily: "iPhone" }, "none"],
      // Only ASCII letters fold: a non-ASCII letter in another case is a different value.
      [
        "non-ASCII letters in another case",
        { platform: "linüx" },
        { platform: "LINÜX" },
        "metadata-upgrade",
      ],
      ["a new display name alone", { displayName: "old name" }, {}, "none"],
      [
        "a node host naming macOS the Node.js way",
        { platform: "macos" },
        { ...nodeHost, platform: "darwin" },
        "none",
      ],
      [
        "another client naming macOS the Node.js way",
        { platform: "macos" },
        { platform: "darwin" },
        "metadata-upgrade",
      ],
      [
        "an iOS app on a newer iOS",
        { platform: "ios 18.1" },
        { ...ios, platform: "ios 18.2" },
        "none",
      ],
      [
        "an iOS app claiming another OS",
        { platform: "ios 18.1" },
        { ...ios, platform: "android 15" },
        "metadata-upgrade",
      ],
    ])("%s → %s", (_name, pairedChange, askChange, expected) => {
      expect(reasons(pairedDevice(pairedChange), { ...sameAsk, ...askChange })).toBe(expected);
    });
  });
});
