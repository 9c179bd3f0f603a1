import { describe, expect, it } from "vitest";
import { approvedRoles, approvedScopesOf, liveApprovedRoles } from "../../../src/policy";

// How a paired record's approved roles and scopes are read: trimmed, blanks dropped, each
// once in first-seen order, `approvedScopes` winning over `scopes`.

describe("approved access", () => {
  it.each([
    [["operator", " node", "operator", ""], "operator", ["operator", "node"]],
    [[], " node ", ["node"]],
    [[], "operator", ["operator"]],
    [["node"], "operator", ["node", "operator"]],
  ])("roles %j plus role %j read as %j", (roles, role, expected) => {
    expect(approvedRoles({ role, roles, scopes: [] })).toEqual(expected);
  });

  it("prefers approvedScopes and cleans the list", () => {
    expect(
      approvedScopesOf({
        role: "operator",
        roles: ["operator"],
        scopes: ["operator.admin"],
        approvedScopes: [" operator.read", "operator.read", "", "operator.pairing"],
      }),
    ).toEqual(["operator.read", "operator.pairing"]);
    expect(approvedScopesOf({ role: "operator", roles: [], scopes: ["operator.read"] })).toEqual([
      "operator.read",
    ]);
  });

  it("cleans long lists the same way", () => {
    const scopes = Array.from({ length: 50 }, (_, index) => `operator.s${index % 25}`);
    expect(approvedScopesOf({ role: "operator", roles: [], scopes })).toEqual(
      Array.from({ length: 25 }, (_, index) => `operator.s${index}`),
    );
  });

  it("counts a role as live only while one of its tokens is not revoked", () => {
    const tokens = [
      { role: "operator", scopes: [], createdAtMs: 1, revokedAtMs: 2 },
      { role: "node", scopes: [], createdAtMs: 1 },
    ];
    expect(liveApprovedRoles({ role: "operator", roles: ["node"], scopes: [], tokens })).toEqual([
      "node",
    ]);
  });
});
