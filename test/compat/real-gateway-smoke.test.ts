import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, describe, expect, inject, it } from "vitest";
import { METHODS, OPERATOR_SCOPES as S, type PairList } from "../../src/protocol";
import { runOpenclawCli } from "./support/real-gateway";
import { ScenarioRun } from "./support/scenario-kit";

// The real gateway (started once per run in support/global-setup.ts, which also checks that
// it stops by PID) runs from throwaway state, and its own CLI sees what a pairing client did
// over the protocol (spec §9).

const LOOPBACK_ORIGIN = { origin: "http://127.0.0.1:5173" };
const started = Date.now();
const gateway = inject("realGateway");

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function devicesList(): Promise<PairList> {
  const result = await runOpenclawCli(["devices", "list", "--json"], gateway);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as PairList;
}

afterAll(() => {
  console.log(`real gateway smoke suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

describe("the real gateway", () => {
  it("lists a scope upgrade approved over the protocol with its new scopes", async () => {
    const run = await ScenarioRun.start(gateway);
    await run.connect("pair", "cron", { scopes: [S.read] });
    const ask = { scopes: [S.read, S.write], headers: LOOPBACK_ORIGIN };
    const refused = await run.connect("ask for write", "cron", ask);
    expect(refused.kind).toBe("refused");
    const approved = await run.call("approve", METHODS.pairApprove, {
      requestId: run.lastRequestId,
    });
    expect(approved.ok).toBe(true);
    await run.finish();

    const { deviceId } = await run.identity("cron");
    const list = await devicesList();
    const device = list.paired.find((entry) => entry.deviceId === deviceId);
    expect(device?.scopes).toEqual([S.read, S.write]);
    expect(device?.approvedVia).toBe("owner");
    expect(list.pending.filter((entry) => entry.deviceId === deviceId)).toEqual([]);
  });

  it("approves a pending request with `openclaw devices approve`", async () => {
    const run = await ScenarioRun.start(gateway);
    await run.connect("new device", "box", { headers: LOOPBACK_ORIGIN });
    await run.finish();
    const requestId = run.lastRequestId ?? "";
    const { deviceId } = await run.identity("box");

    const result = await runOpenclawCli(["devices", "approve", requestId], gateway);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(`Approved ${deviceId} (${requestId})`);
    const again = await runOpenclawCli(["devices", "approve", requestId], gateway);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`No pending device request matches ${requestId}`);
    const list = await devicesList();
    expect(list.paired.map((entry) => entry.deviceId)).toContain(deviceId);
  });

  it("runs from a throwaway state folder outside the repository, on loopback", () => {
    expect(isRunning(gateway.pid)).toBe(true);
    expect(existsSync(gateway.stateDir)).toBe(true);
    expect(gateway.stateDir.startsWith(tmpdir())).toBe(true);
    expect(new URL(gateway.url).hostname).toBe("127.0.0.1");
  });
});
