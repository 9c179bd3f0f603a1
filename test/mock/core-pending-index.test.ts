import { describe, expect, it } from "vitest";
import { ExpiryHeap } from "../../mocks/core/expiry-heap";
import { createMemoryStateStore } from "../../mocks/core/memory-store";
import {
  approvePairing,
  rejectPairing,
  requestPairing,
  type PairingAsk,
} from "../../mocks/core/pairing";
import { PendingTable } from "../../mocks/core/pending-table";
import { GatewayState } from "../../mocks/core/state";
import type { StoredPendingRequest } from "../../mocks/core/types";
import { PAIRING_REQUEST_TTL_MS } from "../../src/protocol";

// The pending index (by requestId, by deviceId, expiry) must answer exactly what a scan of
// every pending request would, through every way a request comes and goes.

const START = 1_700_000_000_000;

function setup(store = createMemoryStateStore()) {
  let now = START;
  let ids = 0;
  const clock = { now: () => now, randomId: () => `req-${(ids += 1)}` };
  const state = new GatewayState(store, clock.now);
  return { state, clock, store, advance: (ms: number) => void (now += ms) };
}

function ask(deviceId: string, scopes = ["operator.read"], role = "operator"): PairingAsk {
  return {
    deviceId,
    publicKey: `key-${deviceId}`,
    clientId: "openclaw-ios",
    clientMode: "ui",
    platform: "ios",
    role,
    scopes,
  };
}

/** What the index says for a device, next to what a full scan says. */
function byIndexAndScan(table: PendingTable, deviceId: string) {
  return {
    index: table.ofDevice(deviceId).map((r) => r.requestId),
    scan: [...table.values()].filter((r) => r.deviceId === deviceId).map((r) => r.requestId),
  };
}

function expectInSync(table: PendingTable, deviceIds: string[]) {
  for (const deviceId of deviceIds) {
    const { index, scan } = byIndexAndScan(table, deviceId);
    expect(index).toEqual(scan);
  }
  for (const request of table.values()) expect(table.get(request.requestId)).toBe(request);
}

const DEVICES = ["phone-a", "phone-b", "phone-c"];

describe("pending index", () => {
  it("finds a device's request by deviceId and requestId after a request", () => {
    const { state, clock } = setup();
    const first = requestPairing(state, clock, ask("phone-a"), "not-paired", false);
    requestPairing(state, clock, ask("phone-b"), "not-paired", false);
    expect(state.pending.ofDevice("phone-a")).toEqual([first.request]);
    expect(state.pending.get(first.request.requestId)).toBe(first.request);
    expect(state.pending.ofDevice("phone-z")).toEqual([]);
    expectInSync(state.pending, DEVICES);
  });

  it("reuses the request for a repeat ask and replaces it for a different one", () => {
    const { state, clock } = setup();
    const first = requestPairing(state, clock, ask("phone-a"), "not-paired", false);
    const repeat = requestPairing(state, clock, ask("phone-a"), "not-paired", false);
    expect(repeat.created).toBe(false);
    expect(repeat.request.requestId).toBe(first.request.requestId);
    const wider = requestPairing(
      state,
      clock,
      ask("phone-a", ["operator.read", "operator.write"]),
      "not-paired",
      false,
    );
    expect(wider.superseded.map((r) => r.requestId)).toEqual([first.request.requestId]);
    expect(state.pending.get(first.request.requestId)).toBeUndefined();
    expect(state.pending.ofDevice("phone-a")).toEqual([wider.request]);
    expectInSync(state.pending, DEVICES);
  });

  it("drops the request from both indexes on approve and on reject", () => {
    const { state, clock } = setup();
    const a = requestPairing(state, clock, ask("phone-a"), "not-paired", false);
    const b = requestPairing(state, clock, ask("phone-b"), "not-paired", false);
    expect(approvePairing(state, clock, a.request.requestId, "owner")).toMatchObject({ ok: true });
    expect(rejectPairing(state, b.request.requestId)).toBe(b.request);
    expect(state.pending.size).toBe(0);
    expect(state.pending.ofDevice("phone-a")).toEqual([]);
    expect(state.pending.ofDevice("phone-b")).toEqual([]);
    // An approved device asking for more gets a fresh request, found by its deviceId.
    const upgrade = requestPairing(
      state,
      clock,
      ask("phone-a", ["operator.admin"]),
      "scope-upgrade",
      false,
    );
    expect(upgrade.request.isRepair).toBe(true);
    expect(state.pending.ofDevice("phone-a")).toEqual([upgrade.request]);
    expectInSync(state.pending, DEVICES);
  });

  it("expires a request five minutes after its last refresh, not after its creation", () => {
    const { state, clock, advance } = setup();
    const a = requestPairing(state, clock, ask("phone-a"), "not-paired", false);
    const b = requestPairing(state, clock, ask("phone-b"), "not-paired", false);
    advance(PAIRING_REQUEST_TTL_MS - 1000);
    requestPairing(state, clock, ask("phone-b"), "not-paired", false);
    advance(1000);
    expect(state.livePending(a.request.requestId)).toBeUndefined();
    expect(state.pendingOfDevice("phone-a")).toEqual([]);
    expect(state.livePending(b.request.requestId)).toBe(b.request);
    advance(PAIRING_REQUEST_TTL_MS - 1000);
    expect(state.pendingOfDevice("phone-b")).toEqual([]);
    expect(state.pending.size).toBe(0);
  });

  it("expires on time when a refresh moves the clock backwards", () => {
    const table = new PendingTable();
    const request = stored("r1", "phone-a", START);
    table.set(request);
    table.refresh(request, START - 60_000);
    expect(table.pruneExpired(START - 60_000)).toEqual([request]);
    expect(table.ofDevice("phone-a")).toEqual([]);
  });

  it("replaces a request loaded twice under one requestId, keeping its place", () => {
    const table = new PendingTable();
    table.set(stored("r1", "phone-a", START));
    table.set(stored("r2", "phone-a", START + 1));
    const again = stored("r1", "phone-a", START + 2);
    table.set(again);
    expect(table.ofDevice("phone-a").map((r) => [r.requestId, r.ts])).toEqual([
      ["r1", START + 2],
      ["r2", START + 1],
    ]);
    // The same id under another device moves to that device.
    table.set(stored("r1", "phone-b", START + 3));
    expect(table.ofDevice("phone-a").map((r) => r.requestId)).toEqual(["r2"]);
    expect(table.ofDevice("phone-b").map((r) => r.requestId)).toEqual(["r1"]);
    expect([...table.values()].map((r) => r.requestId)).toEqual(["r1", "r2"]);
    expectInSync(table, DEVICES);
  });

  it("removes every request of a removed device", () => {
    const table = new PendingTable();
    table.set(stored("r1", "phone-a", START));
    table.set(stored("r2", "phone-a", START + 1));
    table.set(stored("r3", "phone-b", START + 2));
    expect(table.deleteDevice("phone-a").map((r) => r.requestId)).toEqual(["r1", "r2"]);
    expect([...table.values()].map((r) => r.requestId)).toEqual(["r3"]);
    expectInSync(table, DEVICES);
  });

  it("rebuilds the indexes from persisted state after a restart", async () => {
    const { state, clock, store, advance } = setup();
    const a = requestPairing(state, clock, ask("phone-a"), "not-paired", false);
    advance(10);
    const b = requestPairing(state, clock, ask("phone-b"), "not-paired", false);
    void state.persist();
    await state.flush();

    const reborn = setup(store);
    await reborn.state.load();
    expect(reborn.state.pending.ofDevice("phone-a").map((r) => r.requestId)).toEqual([
      a.request.requestId,
    ]);
    expect(reborn.state.livePending(b.request.requestId)?.deviceId).toBe("phone-b");
    expectInSync(reborn.state.pending, DEVICES);
    // The reloaded request is reused by a repeat ask and expires on the persisted refresh time.
    const repeat = requestPairing(reborn.state, reborn.clock, ask("phone-a"), "not-paired", false);
    expect(repeat.request.requestId).toBe(a.request.requestId);
  });

  it("supersedes every request a persisted file holds for one device", async () => {
    const store = createMemoryStateStore({
      pending: [stored("old-1", "phone-a", START - 2), stored("old-2", "phone-a", START - 1)],
      paired: [],
    });
    const { state, clock } = setup(store);
    await state.load();
    const result = requestPairing(state, clock, ask("phone-a"), "not-paired", false);
    expect(result.superseded.map((r) => r.requestId)).toEqual(["old-2", "old-1"]);
    expect(state.pending.ofDevice("phone-a")).toEqual([result.request]);
  });

  it("stays in sync with a scan through a long random mix of operations", () => {
    const { state, clock, advance } = setup();
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 8) % n;
    const devices = Array.from({ length: 12 }, (_, index) => `device-${index}`);
    for (let step = 0; step < 800; step += 1) {
      const deviceId = devices[random(devices.length)] ?? "device-0";
      const [request] = state.pendingOfDevice(deviceId);
      const action = random(6);
      if (action === 0 && request) approvePairing(state, clock, request.requestId, "owner");
      else if (action === 1 && request) rejectPairing(state, request.requestId);
      else if (action === 2) advance(random(PAIRING_REQUEST_TTL_MS / 4));
      else {
        const scopes = random(2) === 0 ? ["operator.read"] : ["operator.write"];
        requestPairing(state, clock, ask(deviceId, scopes), "not-paired", false);
      }
      state.pruneExpired();
      expectInSync(state.pending, devices);
    }
  });
});

describe("expiry heap", () => {
  it("pops entries in time order whatever order they were pushed in", () => {
    const heap = new ExpiryHeap();
    const times = [50, 10, 40, 10, 30, 20, 60, 0, 35];
    times.forEach((at, index) => heap.push({ at, requestId: `r${index}` }));
    const popped: number[] = [];
    for (let entry = heap.pop(); entry; entry = heap.pop()) popped.push(entry.at);
    expect(popped).toEqual([...times].sort((a, b) => a - b));
  });
});

function stored(requestId: string, deviceId: string, ts: number): StoredPendingRequest {
  return {
    requestId,
    deviceId,
    publicKey: `key-${deviceId}`,
    clientId: "openclaw-ios",
    clientMode: "ui",
    role: "operator",
    roles: ["operator"],
    scopes: ["operator.read"],
    silent: false,
    isRepair: false,
    ts,
    refreshedAtMs: ts,
    reason: "not-paired",
  };
}
