import { afterEach, describe, expect, it } from "vitest";
import { describeConnectFailure } from "../../../src/gateway/connect-problems";
import { elevationRoute } from "../../../src/gateway/elevation";
import { elevationWords } from "../../../src/gateway/elevation-words";
import { silentScopeUpgrades, TESTED_RELEASES } from "../../../src/policy";
import { buildResult, METHODS } from "../../../src/protocol";
import { disconnectAll, handshake, setup } from "./scripted-gateway";

// What Pairdesk tells apart between gateway releases (README "Tested releases"), from the
// frames and behaviour each release showed in `npm run compat:releases`.

const CONTEXT = { url: "ws://127.0.0.1:18789", pageOrigin: "http://127.0.0.1:4173" } as const;

describe("a gateway that speaks another protocol", () => {
  it.each([
    // 2026.4.29: no detail code, only the protocol it expects.
    { message: "protocol mismatch", details: { expectedProtocol: 3 } },
    // 2026.9.6 asked for a protocol it does not know.
    {
      message: "protocol mismatch",
      details: { code: "PROTOCOL_MISMATCH", expectedProtocol: 3, minimumProbeProtocol: 3 },
    },
  ])("is told which releases Pairdesk supports ($details)", (error) => {
    const problem = describeConnectFailure(
      { code: "INVALID_REQUEST", ...error },
      { ...CONTEXT, secretKind: "token" },
    );
    expect(problem.kind).toBe("protocol-mismatch");
    expect(problem.title).toBe("This gateway release is too old for Pairdesk");
    expect(problem.detail).toContain("this gateway expects protocol v3");
    expect(problem.detail).toContain(`tested with ${TESTED_RELEASES.join(", ")}`);
  });
});

describe("scope upgrades by release", () => {
  it.each([
    ["2026.9.6", true],
    ["2026.8.2", true],
    ["2027.1.0", true],
    ["2026.6.35", false],
    ["2026.7.4", undefined],
    ["2026.9.6-mock", true],
    ["nightly", undefined],
    [undefined, undefined],
  ])("%s approves a local scope upgrade at once: %s", (version, silent) => {
    expect(silentScopeUpgrades(version)).toBe(silent);
  });

  it.each([
    ["ws://127.0.0.1:18789", "2026.9.6", "at-once"],
    ["wss://localhost:18789/pairdesk", "2026.8.2", "at-once"],
    ["ws://127.0.0.1:18789", "2026.6.35", "pair-again"],
    ["ws://127.0.0.1:18789", "2026.7.4", "untested"],
    ["wss://192.0.2.2:18789", "2026.9.6", "parked"],
    ["wss://192.0.2.2:18789", "2026.6.35", "parked"],
    ["not a url", "2026.9.6", "parked"],
  ])("%s on %s: %s", (url, version, route) => {
    expect(elevationRoute(url, version)).toBe(route);
  });

  it("names the button for what it does, and never promises an instant grant it cannot give", () => {
    const again = elevationWords("pair-again", "operator.write", "2026.6.35");
    expect(again.confirm).toBe("Pair this browser again with operator.write");
    expect(again.note).toContain("OpenClaw 2026.6.35 never grants a paired browser more scopes");
    for (const route of ["parked", "untested"] as const) {
      const words = elevationWords(route, "operator.write", "2026.7.4");
      expect(words.confirm).toBe("Reconnect with operator.write");
      expect(words.note).toContain("approve on the gateway host");
      expect(words.note).not.toContain("grants operator.write at once.");
    }
  });
});

describe("asking for more scopes on 2026.6.x from this machine", () => {
  afterEach(disconnectAll);

  it("removes this browser's own pairing first, then pairs anew with the scopes", async () => {
    const { sockets, connection } = setup();
    const first = await handshake(sockets[0]!, undefined, "2026.6.35");
    const ownId = (first.params as { device: { id: string } }).device.id;

    connection.requestScopes(["operator.write"]);
    await expect.poll(() => sockets[0]!.sent.length).toBe(2);
    const remove = sockets[0]!.sent[1]!;
    expect(remove).toMatchObject({ method: METHODS.pairRemove, params: { deviceId: ownId } });
    expect(sockets).toHaveLength(1);
    sockets[0]!.receive(buildResult(remove.id, { deviceId: ownId }));

    await expect.poll(() => sockets.length).toBe(2);
    const again = await handshake(sockets[1]!, [
      "operator.read",
      "operator.pairing",
      "operator.write",
    ]);
    expect((again.params as { scopes: string[] }).scopes).toContain("operator.write");
  });

  it("only reconnects on a release that grants it at once", async () => {
    const { sockets, connection } = setup();
    await handshake(sockets[0]!);
    connection.requestScopes(["operator.write"]);
    await expect.poll(() => sockets.length).toBe(2);
    expect(sockets[0]!.sent.map((frame) => frame.method)).toEqual([METHODS.connect]);
  });
});
