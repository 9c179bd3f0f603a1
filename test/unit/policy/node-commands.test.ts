import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ADMIN_NODE_COMMANDS, addedNodeCommands, nodeApproveScopes } from "../../../src/policy";

// The scopes node.pair.approve needs, as measured per command on 2026.9.6
// (docs/real-gateway-admin-and-nodes.md §7).

const ORDINARY = [
  "system.notify",
  "mcp.tools.call.v1",
  "agent.cli.claude.run.v1",
  "screen.snapshot",
  "computer.act",
];
const ADMIN = [...ADMIN_NODE_COMMANDS];

describe("nodeApproveScopes", () => {
  it("needs only operator.pairing for a commandless request", () => {
    expect(nodeApproveScopes([])).toEqual(["operator.pairing"]);
  });

  it.each(ORDINARY)("%s needs operator.write", (command) => {
    expect(nodeApproveScopes([command])).toEqual(["operator.pairing", "operator.write"]);
  });

  it.each(ADMIN)("%s needs operator.admin", (command) => {
    expect(nodeApproveScopes([command])).toEqual(["operator.pairing", "operator.admin"]);
  });

  it("asks what the most demanding command asks, whatever else is declared", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...ORDINARY, ...ADMIN], { minLength: 1 }), (commands) => {
        const demanding = commands.some((command) => ADMIN_NODE_COMMANDS.includes(command));
        expect(nodeApproveScopes(commands)).toEqual([
          "operator.pairing",
          demanding ? "operator.admin" : "operator.write",
        ]);
      }),
    );
  });
});

describe("addedNodeCommands", () => {
  it("shows every command as new when none was approved, else only the unapproved ones", () => {
    expect(addedNodeCommands(["system.notify", "system.run"], undefined)).toEqual([
      "system.notify",
      "system.run",
    ]);
    expect(addedNodeCommands(["system.notify", "system.run"], ["system.notify"])).toEqual([
      "system.run",
    ]);
    expect(addedNodeCommands(["system.notify"], ["system.notify", "system.run"])).toEqual([]);
  });
});
