import { describe, expect, it } from "vitest";
import {
  isDangerousScope,
  METHOD_SCOPES,
  missingScopes,
  normalizeScopes,
  requiredScopesFor,
  scopeDiff,
  scopesSatisfy,
  waitingRequestCovers,
} from "../../../src/policy";

describe("normalizeScopes", () => {
  it("trims, drops empty entries and duplicates, keeps first-seen order", () => {
    expect(
      normalizeScopes([
        "operator.write",
        " operator.read",
        "",
        "operator.write",
        "  ",
        "operator.read",
      ]),
    ).toEqual(["operator.write", "operator.read"]);
    expect(normalizeScopes(undefined)).toEqual([]);
  });

  it("hands back a new array even when the list was already clean", () => {
    const clean = ["operator.read", "operator.pairing"];
    const normalized = normalizeScopes(clean);
    expect(normalized).toEqual(clean);
    normalized.push("operator.admin");
    expect(clean).toEqual(["operator.read", "operator.pairing"]);
  });

  it("normalizes long lists the same way", () => {
    const scopes = Array.from({ length: 40 }, (_, index) => ` operator.s${index % 20} `);
    expect(normalizeScopes(scopes)).toEqual(
      Array.from({ length: 20 }, (_, index) => `operator.s${index}`),
    );
  });
});

describe("scopesSatisfy / missingScopes", () => {
  it("checks against a long held list as against a short one", () => {
    const held = [...Array.from({ length: 30 }, (_, index) => `node.s${index}`), "node.s30"];
    expect(missingScopes(held, ["node.s29", "node.s31", "operator.read"], "node")).toEqual([
      "node.s31",
      "operator.read",
    ]);
  });

  it.each<[string, string[], string[], string[]]>([
    ["operator", ["node.exec", "operator.read"], ["node.exec"], ["node.exec"]],
    ["operator", ["operator.write"], ["operator.sessions.read"], []],
    ["operator", ["operator.read"], ["operator.sessions.read"], []],
    ["operator", ["operator.sessions.write"], ["operator.sessions.read"], []],
    ["operator", ["operator.read"], ["operator.sessions.write"], ["operator.sessions.write"]],
    ["node", ["node.exec"], ["node.exec"], []],
    ["node", ["operator.admin"], ["operator.read"], ["operator.read"]],
    ["node", ["node.exec"], ["custom.exec"], ["custom.exec"]],
  ])("for role %s, held %j, needed %j → missing %j", (role, held, needed, missing) => {
    expect(missingScopes(held, needed, role)).toEqual(missing);
    expect(scopesSatisfy(held, needed, role)).toBe(missing.length === 0);
  });

  it.each<[string[], string[], boolean, string[]]>([
    [["operator.read"], ["operator.read"], true, []],
    [["operator.read"], [], true, []],
    [[], ["operator.read"], false, ["operator.read"]],
    [["operator.read"], ["operator.read", "operator.write"], false, ["operator.write"]],
    [["operator.admin"], ["operator.write", "operator.pairing", "operator.talk.secrets"], true, []],
    [["operator.admin"], ["operator.future.scope"], true, []],
    [["operator.admin"], ["node.invoke"], false, ["node.invoke"]],
    [["operator.write"], ["operator.read", "operator.talk"], true, []],
    [["operator.write"], ["operator.pairing"], false, ["operator.pairing"]],
    [["operator.write"], ["operator.talk.secrets"], false, ["operator.talk.secrets"]],
    [["operator.read"], ["operator.write"], false, ["operator.write"]],
    [["operator.talk"], ["operator.talk.secrets"], false, ["operator.talk.secrets"]],
    [
      ["operator.read"],
      ["operator.write", "operator.write", " operator.admin "],
      false,
      ["operator.write", "operator.admin"],
    ],
  ])("held %j, needed %j → %s", (held, needed, ok, missing) => {
    expect(scopesSatisfy(held, needed)).toBe(ok);
    expect(missingScopes(held, needed)).toEqual(missing);
  });
});

describe("scopeDiff", () => {
  it("splits requested versus approved by plain string, in stable order", () => {
    expect(
      scopeDiff(
        ["operator.read", "operator.pairing", "operator.talk"],
        ["operator.write", "operator.read", "operator.admin", "operator.write"],
      ),
    ).toEqual({
      added: ["operator.write", "operator.admin"],
      kept: ["operator.read"],
      removed: ["operator.pairing", "operator.talk"],
    });
  });

  it("does not let operator.admin hide what a request adds", () => {
    expect(scopeDiff(["operator.admin"], ["operator.admin", "operator.write"]).added).toEqual([
      "operator.write",
    ]);
  });

  it("is empty for identical sets", () => {
    expect(scopeDiff(["a", "b"], ["b", "a"])).toEqual({ added: [], kept: ["b", "a"], removed: [] });
  });
});

describe("isDangerousScope", () => {
  it.each([
    ["operator.admin", true],
    ["operator.talk.secrets", true],
    [" operator.admin ", true],
    ["operator.read", false],
    ["operator.write", false],
    ["operator.pairing", false],
    ["operator.talk", false],
    ["node.admin", false],
  ])("%s → %s", (scope, expected) => {
    expect(isDangerousScope(scope)).toBe(expected);
  });
});

describe("requiredScopesFor", () => {
  it.each([
    ["device.pair.list", ["operator.pairing"]],
    ["device.pair.approve", ["operator.pairing"]],
    ["device.pair.reject", ["operator.pairing"]],
    ["device.pair.remove", ["operator.pairing"]],
    ["device.pair.rename", ["operator.pairing"]],
    ["device.token.rotate", ["operator.pairing"]],
    ["device.token.revoke", ["operator.pairing"]],
    ["node.pair.list", ["operator.pairing"]],
    ["node.pair.approve", ["operator.pairing"]],
    ["node.pair.reject", ["operator.pairing"]],
    ["node.pair.remove", ["operator.pairing"]],
    ["node.rename", ["operator.pairing"]],
    ["device.pair.setupCode", ["operator.admin"]],
    ["device.pair.setupStatus", ["operator.admin"]],
    ["cron.list", ["operator.read"]],
    ["cron.status", ["operator.read"]],
    ["cron.add", ["operator.admin"]],
    ["cron.update", ["operator.admin"]],
    ["cron.remove", ["operator.admin"]],
  ])("%s needs %j", (method, scopes) => {
    expect(requiredScopesFor(method)).toEqual(scopes);
  });

  it("covers exactly the table's nineteen methods", () => {
    expect(Object.keys(METHOD_SCOPES)).toHaveLength(19);
  });

  it.each(["connect", "device.pair.unknown", "toString", "__proto__", ""])(
    "answers undefined for %j, a method not in the table",
    (method) => {
      expect(requiredScopesFor(method)).toBeUndefined();
    },
  );

  it("hands out a copy the caller cannot use to change the table", () => {
    requiredScopesFor("cron.add")?.push("operator.read");
    expect(requiredScopesFor("cron.add")).toEqual(["operator.admin"]);
  });
});

describe("waitingRequestCovers", () => {
  const op = (scope: string) => `operator.${scope}`;
  type Row = [string, string, string[], string, string[], boolean, string[]?];
  // Rows measured on openclaw 2026.9.6 by the differential tester (named regressions).
  const rows: Row[] = [
    ["same ask", "operator", ["read"], "operator", ["read"], true],
    [
      "operator: admin covers any operator scope",
      "operator",
      ["admin"],
      "operator",
      ["pairing", "bogus"],
      true,
    ],
    ["operator: write covers read", "operator", ["write"], "operator", ["read"], true],
    ["operator: a new scope", "operator", ["read"], "operator", ["write"], false],
    [
      "node: the same once admin brings write and read",
      "node",
      ["write", "admin", "pairing"],
      "node",
      ["admin", "pairing"],
      true,
    ],
    ["node: the same once write brings read", "node", ["write"], "node", ["read", "write"], true],
    [
      "node: a narrower ask is not the same",
      "node",
      ["admin", "pairing"],
      "node",
      ["admin"],
      false,
    ],
    [
      "node: read alone is narrower than admin",
      "node",
      ["read", "write", "admin"],
      "node",
      ["read"],
      false,
    ],
    [
      "node: admin does not cover another name",
      "node",
      ["write", "admin"],
      "node",
      ["write", "pairing"],
      false,
    ],
    [
      "node: a node scope held by name",
      "node",
      ["node.exec", "node.read"],
      "node",
      ["node.exec"],
      true,
    ],
    [
      "node: more roles waiting",
      "node",
      ["admin", "pairing"],
      "node",
      ["admin", "pairing"],
      false,
      ["operator", "node"],
    ],
    ["another role", "operator", ["read", "write"], "node", ["read"], false],
  ];
  it.each(rows)("%s", (_name, waitingRole, waiting, askRole, asked, covered, roles) => {
    const scopes = (list: string[]) => list.map((s) => (s.includes(".") ? s : op(s)));
    const ask = { role: askRole, scopes: scopes(asked) };
    const request = { role: waitingRole, roles, scopes: scopes(waiting) };
    expect(waitingRequestCovers(request, ask)).toBe(covered);
  });
});
