import { describe, expect, it } from "vitest";
import { roleTokenScopes, tokenScopes } from "../../mocks/core/tokens";

// A token's scopes as the real gateway writes them: cleaned, implied scopes added, sorted.

describe("tokenScopes", () => {
  it.each([
    [["operator.admin"], ["operator.admin", "operator.read", "operator.write"]],
    [
      ["operator.write", " operator.pairing"],
      ["operator.pairing", "operator.read", "operator.write"],
    ],
    [
      ["operator.read", "operator.admin", "operator.read"],
      ["operator.admin", "operator.read", "operator.write"],
    ],
    [
      ["operator.pairing", "", "operator.read"],
      ["operator.pairing", "operator.read"],
    ],
    [[], []],
    [undefined, []],
  ])("%j → %j", (scopes, expected) => {
    expect(tokenScopes(scopes)).toEqual(expected);
  });

  it("leaves the caller's list as it was", () => {
    const scopes = ["operator.write"];
    tokenScopes(scopes);
    expect(scopes).toEqual(["operator.write"]);
  });

  it("gives a role's token only that role's scopes", () => {
    const scopes = ["operator.write", "node.invoke"];
    expect(roleTokenScopes("operator", scopes)).toEqual(["operator.read", "operator.write"]);
    expect(roleTokenScopes("node", scopes)).toEqual(["node.invoke"]);
  });
});
