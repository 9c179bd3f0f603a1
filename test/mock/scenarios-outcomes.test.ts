import { describe, expect, it } from "vitest";
import { createMockGateway } from "../../mocks/core/gateway";
import { createMemoryStore } from "../../mocks/core/memory-store";
import type { MockGateway } from "../../mocks/core/types";
import { SCENARIO_NAMES, SCENARIOS, SIMULATED_LAN_ORIGIN } from "../../mocks/simulator/scenarios";
import { createSimulator, UPGRADE_REFUSED_CODE } from "../../mocks/simulator/simulator";
import {
  DETAIL_CODES,
  ERROR_CODES,
  LOCALITIES,
  METHODS,
  OPERATOR_SCOPES,
  PAIRING_REASONS,
} from "../../src/protocol";

const TOKEN = "scenario-token";

async function setup(): Promise<{
  gateway: MockGateway;
  simulator: ReturnType<typeof createSimulator>;
}> {
  const gateway = await createMockGateway({
    // As the dev gateway: the simulated LAN webchat origin is allowed.
    config: { auth: { mode: "token", token: TOKEN }, allowedOrigins: [SIMULATED_LAN_ORIGIN] },
    store: createMemoryStore(),
  });
  return { gateway, simulator: createSimulator(gateway, { token: TOKEN }) };
}

describe("simulator scenarios", () => {
  it.each(SCENARIO_NAMES)("%s ends as its description says", async (name) => {
    const { gateway, simulator } = await setup();
    const results = await simulator.run(name);
    const last = results.at(-1);
    const expected = SCENARIOS[name].expected;

    expect(last?.outcome).toBe(expected.outcome);
    if (expected.reason) expect(last?.decision?.reason).toBe(expected.reason);
    if (expected.outcome === "pending") {
      // A pending outcome is a real request an admin can see and approve.
      const pending = gateway.list().pending;
      expect(pending.map((request) => request.requestId)).toContain(last?.requestId);
      expect(last?.error?.code).toBe(ERROR_CODES.notPaired);
    }
    if (expected.outcome === "hello") expect(gateway.list().pending).toEqual([]);
  });

  it("cron on loopback with the token is local and upgraded to write silently", async () => {
    const { gateway, simulator } = await setup();
    const [first, upgrade] = await simulator.run("cron-loopback-token-write");
    expect(first?.decision?.locality).toBe(LOCALITIES.directLocal);
    expect(upgrade?.decision).toMatchObject({ reason: PAIRING_REASONS.scopeUpgrade, silent: true });
    const cron = gateway.list().paired.find((device) => device.deviceId === upgrade?.deviceId);
    expect(cron?.scopes).toEqual(
      expect.arrayContaining([OPERATOR_SCOPES.read, OPERATOR_SCOPES.write]),
    );
  });

  it("reproduces the seed: a clear MISSING_SCOPE on an open socket, then a pending admin upgrade", async () => {
    const { gateway, simulator } = await setup();
    const [first, upgrade] = await simulator.run("seed-reproduction");
    const [add, list] = first?.calls ?? [];

    expect(add?.method).toBe(METHODS.cronAdd);
    expect(add?.response).toMatchObject({
      ok: false,
      error: {
        code: ERROR_CODES.forbidden,
        details: { code: DETAIL_CODES.missingScope, missingScope: OPERATOR_SCOPES.admin },
      },
    });
    // The socket stayed open: the next call on it was answered.
    expect(list).toMatchObject({ method: METHODS.cronList, response: { ok: true } });

    const pending = gateway.list().pending.find((r) => r.requestId === upgrade?.requestId);
    expect(pending).toMatchObject({ isRepair: true, deviceId: first?.deviceId });
    expect(pending?.scopes).toContain(OPERATOR_SCOPES.admin);
    expect(upgrade?.decision?.silent).toBe(false);
  });

  it("refuses a browser tab from an origin that is not allowed, with the origin detail", async () => {
    const { gateway, simulator } = await setup();
    const [refused] = await simulator.run("browser-origin-not-allowed");
    expect(refused?.error?.details).toMatchObject({
      code: DETAIL_CODES.controlUiOriginNotAllowed,
    });
    expect(gateway.list().pending).toEqual([]);
  });

  it("refuses the untrusted proxy before any frame, with nothing stored", async () => {
    const { gateway, simulator } = await setup();
    const [refused] = await simulator.run("untrusted-proxy");
    expect(refused?.error?.code).toBe(UPGRADE_REFUSED_CODE);
    expect(refused?.error?.message).toMatch(/403/);
    expect(refused?.decision?.ingress).toBe("refused");
    expect(gateway.list()).toEqual({ pending: [], paired: [] });
  });

  it("a burst makes as many distinct devices as asked", async () => {
    const { gateway, simulator } = await setup();
    const results = await simulator.burst("phone-lan", 3);
    expect(results.map((r) => r.outcome)).toEqual(["pending", "pending", "pending"]);
    expect(new Set(results.map((r) => r.deviceId)).size).toBe(3);
    expect(gateway.list().pending).toHaveLength(3);
  });

  it("reuses a device's identity by label, so the same device can come back", async () => {
    const { gateway, simulator } = await setup();
    const [, upgrade] = await simulator.run("phone-scope-upgrade");
    expect(simulator.device("phone")?.deviceId).toBe(upgrade?.deviceId);
    const paired = gateway.list().paired.map((device) => device.deviceId);
    expect(paired).toContain(upgrade?.deviceId);
  });
});

describe("scenarios run one after another, as in the dev panel", () => {
  it("never pair silently a phone whose request from the LAN is still waiting", async () => {
    const { gateway, simulator } = await setup();
    const [lan] = await simulator.run("phone-lan");
    const [fromLoopback, upgrade] = await simulator.run("phone-scope-upgrade");
    // The same phone: the real gateway keeps the waiting request's "not silent", so even a
    // loopback connect with the token only refreshes it (its requestId stays).
    expect(fromLoopback).toMatchObject({ outcome: "pending", requestId: lan?.requestId });
    expect(fromLoopback?.decision).toMatchObject({ silent: false });
    expect(gateway.list().paired.map((device) => device.deviceId)).not.toContain(lan?.deviceId);
    // Asking for more then replaces the request with the union of both asks.
    expect(upgrade?.outcome).toBe("pending");
    const pending = gateway.list().pending.filter((entry) => entry.deviceId === lan?.deviceId);
    expect(pending.map((entry) => entry.requestId)).toEqual([upgrade?.requestId]);
  });

  it("approves silently only devices with no waiting request, whatever the order", async () => {
    const { gateway, simulator } = await setup();
    const waiting = new Set<string>();
    for (const name of [...SCENARIO_NAMES, ...SCENARIO_NAMES]) {
      for (const result of await simulator.run(name)) {
        if (result.decision?.silent === true && result.outcome === "hello") {
          expect(waiting.has(result.deviceId), `${name} paired a waiting device`).toBe(false);
        }
        const pending = gateway.list().pending.map((entry) => entry.deviceId);
        waiting.clear();
        for (const deviceId of pending) waiting.add(deviceId);
      }
    }
  });
});
