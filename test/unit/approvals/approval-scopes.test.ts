import { describe, expect, it } from "vitest";
import { scopesToAdd, scopesToApprove } from "../../../src/features/approvals/approval-scopes";
import type { PairedDevice } from "../../../src/protocol";

const paired = (scopes: string[]): PairedDevice => ({
  deviceId: "d1",
  publicKey: "k1",
  roles: ["operator"],
  scopes,
  createdAtMs: 0,
});

describe("scopesToApprove", () => {
  it.each<
    [
      string,
      { role: string; roles: string[]; scopes: string[] },
      PairedDevice | undefined,
      string[],
    ]
  >([
    [
      "a new device's operator scopes",
      { role: "operator", roles: ["operator"], scopes: ["operator.read", "operator.write"] },
      undefined,
      ["operator.read", "operator.write"],
    ],
    [
      "what the device keeps, too (approval merges)",
      { role: "operator", roles: ["operator"], scopes: ["operator.read"] },
      paired(["operator.read", "operator.approvals"]),
      ["operator.read", "operator.approvals"],
    ],
    [
      "operator.admin for any other role",
      { role: "node", roles: ["operator", "node"], scopes: [] },
      paired(["operator.read"]),
      ["operator.admin"],
    ],
    [
      "nothing when nothing is granted",
      { role: "operator", roles: ["operator"], scopes: [] },
      undefined,
      [],
    ],
  ])("needs %s", (_name, request, device, expected) => {
    expect(scopesToApprove(request, device)).toEqual(expected);
  });
});

describe("scopesToAdd", () => {
  it.each<[readonly string[], readonly string[], string[]]>([
    [
      ["operator.read", "operator.pairing"],
      ["operator.read", "operator.write"],
      ["operator.write"],
    ],
    [
      ["operator.read", "operator.pairing"],
      ["operator.write", "operator.admin"],
      ["operator.admin"],
    ],
    [["operator.read", "operator.pairing", "operator.admin"], ["operator.talk.secrets"], []],
    [["operator.pairing", "operator.write"], ["operator.read"], []],
    [["operator.pairing"], ["operator.read", "operator.write"], ["operator.write"]],
  ])("holding %j, to grant %j adds %j", (held, needed, expected) => {
    expect(scopesToAdd(held, needed)).toEqual(expected);
  });
});
