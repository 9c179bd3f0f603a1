import { describe, expect, it } from "vitest";
import type { PairedDevice } from "../../../src/protocol";
import { pairingReason, type PairingAsk } from "../../../src/policy";
import { PUBLIC_KEY, pairedDevice } from "./fixtures";

const sameAsk: PairingAsk = {
  role: "operator",
  scopes: ["operator.read"],
  platform: "linux",
  publicKey: PUBLIC_KEY,
};

describe("pairingReason", () => {
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
    expect(pairingReason(paired, { ...sameAsk, ...change })).toBe(expected);
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
      ["no tokens listed: roles alone count", { tokens: undefined }, {}, "none"],
      ["the role only in the legacy role field", { roles: [], role: "operator" }, {}, "none"],
      [
        "a role and a scope upgrade together (role is reported)",
        {},
        { role: "node", scopes: ["operator.write"] },
        "role-upgrade",
      ],
    ])("%s → %s", (_name, pairedChange, askChange, expected) => {
      expect(pairingReason(pairedDevice(pairedChange), { ...sameAsk, ...askChange })).toBe(
        expected,
      );
    });
  });

  describe("scope-upgrade", () => {
    it.each<[string, Partial<PairedDevice>, readonly string[], string]>([
      [
        "the seed: paired read, asking write",
        {},
        ["operator.read", "operator.write"],
        "scope-upgrade",
      ],
      ["asking admin", {}, ["operator.admin"], "scope-upgrade"],
      [
        "admin approved covers every operator scope",
        { scopes: ["operator.admin"] },
        ["operator.read", "operator.write", "operator.talk.secrets"],
        "none",
      ],
      [
        "admin approved does not cover other roles' scopes",
        { scopes: ["operator.admin"] },
        ["node.invoke"],
        "scope-upgrade",
      ],
      [
        "approvedScopes wins over scopes",
        { scopes: ["operator.write"], approvedScopes: ["operator.read"] },
        ["operator.write"],
        "scope-upgrade",
      ],
      [
        "approvedScopes grants what scopes lacks",
        { scopes: [], approvedScopes: ["operator.write"] },
        ["operator.write"],
        "none",
      ],
    ])("%s → %s", (_name, pairedChange, scopes, expected) => {
      expect(pairingReason(pairedDevice(pairedChange), { ...sameAsk, scopes })).toBe(expected);
    });

    it("is reported before a metadata change", () => {
      const ask = { ...sameAsk, scopes: ["operator.write"], platform: "darwin" };
      expect(pairingReason(pairedDevice(), ask)).toBe("scope-upgrade");
    });
  });

  describe("metadata-upgrade", () => {
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
    ])("%s → %s", (_name, pairedChange, askChange, expected) => {
      expect(pairingReason(pairedDevice(pairedChange), { ...sameAsk, ...askChange })).toBe(
        expected,
      );
    });
  });
});
