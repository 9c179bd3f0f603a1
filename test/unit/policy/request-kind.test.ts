import { describe, expect, it } from "vitest";
import type { PairedDevice, PendingRequest } from "../../../src/protocol";
import { requestKind } from "../../../src/policy";
import { pairedDevice, pendingRequest } from "./fixtures";

describe("requestKind", () => {
  it.each<[string, Partial<PendingRequest>, PairedDevice | undefined, string]>([
    ["no paired record", {}, undefined, "new-device"],
    [
      "a paired record for another device id",
      {},
      pairedDevice({ deviceId: "f".repeat(64) }),
      "new-device",
    ],
    ["the same id with another public key", { publicKey: "pk-new" }, pairedDevice(), "new-device"],
    [
      "a role never approved",
      { role: "node", roles: ["node"], scopes: [] },
      pairedDevice(),
      "role-upgrade",
    ],
    [
      "an extra role among roles",
      { roles: ["operator", "node"], scopes: [] },
      pairedDevice(),
      "role-upgrade",
    ],
    [
      "an approved role whose token is revoked",
      { scopes: ["operator.read"] },
      pairedDevice({ tokens: [{ role: "operator", scopes: [], createdAtMs: 1, revokedAtMs: 2 }] }),
      "role-upgrade",
    ],
    ["the seed: approved read, requesting read and write", {}, pairedDevice(), "scope-upgrade"],
    [
      "admin approved, read requested (plain containment)",
      { scopes: ["operator.read"] },
      pairedDevice({ scopes: ["operator.admin"] }),
      "scope-upgrade",
    ],
    [
      "the same role and scopes (changed identity)",
      { scopes: ["operator.read"], platform: "darwin" },
      pairedDevice(),
      "re-approval",
    ],
    [
      "fewer scopes than approved",
      { scopes: [] },
      pairedDevice({ scopes: ["operator.read", "operator.write"] }),
      "re-approval",
    ],
    [
      // The gateway counts a role only while a live token for it exists.
      "a role approved with no token list",
      { scopes: ["operator.read"] },
      pairedDevice({ tokens: undefined }),
      "role-upgrade",
    ],
  ])("%s → %s", (_name, change, paired, expected) => {
    expect(requestKind(pendingRequest(change), paired)).toBe(expected);
  });

  it("checks roles before scopes", () => {
    const pending = pendingRequest({ role: "node", roles: ["node"], scopes: ["operator.admin"] });
    expect(requestKind(pending, pairedDevice())).toBe("role-upgrade");
  });
});
