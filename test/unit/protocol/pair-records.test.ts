import { describe, expect, it, vi } from "vitest";
import {
  readPairedDevice,
  readPairList,
  readPendingRequest,
  WIRE_LIMITS,
  type PairedDevice,
  type PendingRequest,
} from "../../../src/protocol";

// Whatever a gateway sends, a record that passes the boundary holds only values of the types
// its table declares; a request is dropped rather than shown asking for less than it asks.

const REQUEST_FIELDS = [
  "requestId",
  "deviceId",
  "publicKey",
  "displayName",
  "platform",
  "deviceFamily",
  "clientId",
  "clientMode",
  "browserOrigin",
  "role",
  "roles",
  "scopes",
  "remoteIp",
  "silent",
  "isRepair",
  "ts",
] as const satisfies readonly (keyof PendingRequest)[];

const DEVICE_FIELDS = [
  "deviceId",
  "publicKey",
  "displayName",
  "platform",
  "deviceFamily",
  "clientId",
  "clientMode",
  "role",
  "roles",
  "scopes",
  "approvedScopes",
  "approvedVia",
  "createdAtMs",
  "approvedAtMs",
  "lastSeenAtMs",
  "lastSeenReason",
  "connected",
  "label",
  "operatorLabel",
  "remoteIp",
  "tokens",
] as const satisfies readonly (keyof PairedDevice)[];

const T0 = Date.now() - 86_400_000;

const HOSTILE_VALUES: unknown[] = [
  undefined,
  null,
  0,
  42,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  "text",
  true,
  false,
  [],
  ["operator"],
  [1],
  ["operator", null],
  {},
  { role: "operator", scopes: [], createdAtMs: T0 },
  [{ role: "operator", scopes: ["operator.read"], createdAtMs: T0 }],
  [{ role: "operator", scopes: ["operator.read"], createdAtMs: "1" }],
  [{ role: 7 }],
];

function goodRequest(): Record<string, unknown> {
  return {
    requestId: "r1",
    deviceId: "d1",
    publicKey: "pk",
    displayName: "Phone",
    platform: "ios",
    clientId: "openclaw-ios",
    clientMode: "ui",
    role: "operator",
    roles: ["operator"],
    scopes: ["operator.read", "operator.write"],
    remoteIp: "192.168.1.20",
    silent: false,
    isRepair: true,
    ts: T0,
    // A field the UI does not read: kept on a kept object, left out of a copy.
    reason: "not-paired",
  };
}

function goodDevice(): Record<string, unknown> {
  return {
    deviceId: "d1",
    publicKey: "pk",
    displayName: "Laptop",
    platform: "linux",
    clientId: "node-host",
    clientMode: "backend",
    role: "operator",
    roles: ["operator"],
    scopes: ["operator.read"],
    approvedScopes: ["operator.read"],
    approvedVia: "owner",
    createdAtMs: T0,
    approvedAtMs: T0 + 1,
    lastSeenAtMs: T0 + 2,
    connected: true,
    tokens: [{ role: "operator", scopes: ["operator.read"], createdAtMs: T0, rotatedAtMs: T0 + 3 }],
  };
}

/** Every item with one field replaced by each hostile value (or removed). */
function variants(base: () => Record<string, unknown>, fields: readonly string[]) {
  const items = [base()];
  for (const field of fields) {
    for (const hostile of HOSTILE_VALUES) {
      const item = base();
      if (hostile === undefined) delete item[field];
      else item[field] = hostile;
      items.push(item);
    }
  }
  return items;
}

const TEXT = ["publicKey", "displayName", "platform", "deviceFamily", "clientId", "clientMode"];

/** Every field has the type the record's type promises (or is absent where optional). */
function expectTyped(record: Record<string, unknown>, optionalTexts: string[]) {
  for (const field of optionalTexts) {
    if (record[field] !== undefined) expect(typeof record[field]).toBe("string");
  }
  for (const field of ["roles", "scopes"]) {
    expect(Array.isArray(record[field])).toBe(true);
    for (const item of record[field] as unknown[]) expect(typeof item).toBe("string");
  }
}

describe("readPendingRequest", () => {
  it("gives every field its declared type, whatever one field holds", () => {
    for (const item of variants(goodRequest, REQUEST_FIELDS)) {
      const read = readPendingRequest(item);
      if (!read) continue;
      expectTyped(read, [...TEXT, "browserOrigin", "remoteIp"]);
      expect(typeof read.requestId === "string" && read.requestId !== "").toBe(true);
      expect(Number.isFinite(read.ts)).toBe(true);
      expect([typeof read.silent, typeof read.isRepair]).toEqual(["boolean", "boolean"]);
      expect(typeof read.role === "string" && read.role !== "").toBe(true);
    }
  });

  it.each(["requestId", "deviceId", "ts", "scopes"])("drops a request without %s", (field) => {
    const item = goodRequest();
    delete item[field];
    expect(readPendingRequest(item)).toBeUndefined();
  });

  it("drops a request whose roles or scopes cannot be read", () => {
    expect(readPendingRequest({ ...goodRequest(), scopes: ["operator.read", 1] })).toBeUndefined();
    expect(readPendingRequest({ ...goodRequest(), roles: "operator" })).toBeUndefined();
    expect(readPendingRequest({ ...goodRequest(), role: 3, roles: undefined })).toBeUndefined();
  });

  it("reads the role from the roles, and the roles from the role", () => {
    expect(
      readPendingRequest({ ...goodRequest(), role: undefined, roles: ["node"] }),
    ).toMatchObject({ role: "node", roles: ["node"] });
    expect(readPendingRequest({ ...goodRequest(), roles: undefined })).toMatchObject({
      role: "operator",
      roles: ["operator"],
    });
  });

  it("never hands the UI a non-string where text belongs", () => {
    const read = readPendingRequest({ ...goodRequest(), displayName: { html: "<b>" } });
    expect(read?.displayName).toBeUndefined();
    expect(read?.clientId).toBe("openclaw-ios");
    expect(readPendingRequest({ ...goodRequest(), silent: "yes" })?.silent).toBe(false);
  });
});

describe("readPairedDevice", () => {
  it("gives every field its declared type, whatever one field holds", () => {
    for (const item of variants(goodDevice, DEVICE_FIELDS)) {
      const read = readPairedDevice(item);
      if (!read) continue;
      expectTyped(read, [...TEXT, "role", "approvedVia", "lastSeenReason", "label"]);
      expect(Number.isFinite(read.createdAtMs)).toBe(true);
      for (const token of read.tokens ?? []) {
        expect(typeof token.role).toBe("string");
        expect(Number.isFinite(token.createdAtMs)).toBe(true);
      }
    }
  });

  it("reads unreadable scope and role lists as empty, and drops only a device without an id", () => {
    const read = readPairedDevice({ ...goodDevice(), scopes: "all", roles: [1] });
    expect(read).toMatchObject({ scopes: [], roles: [] });
    expect(readPairedDevice({ ...goodDevice(), deviceId: "" })).toBeUndefined();
  });

  it("leaves out a malformed token, keeping the good ones", () => {
    const good = { role: "operator", scopes: ["operator.read"], createdAtMs: T0 };
    const read = readPairedDevice({ ...goodDevice(), tokens: [good, { role: 7 }] });
    expect(read?.tokens).toEqual([good]);
  });
});

describe("readPairList", () => {
  it("drops and counts unreadable items and keeps the order of the rest", () => {
    const second = { ...goodRequest(), requestId: "r2", deviceId: "d2" };
    const answer = {
      pending: [
        goodRequest(),
        { requestId: 1 },
        second,
        { ...goodRequest(), requestId: "r3", silent: "no" },
      ],
      paired: [null, goodDevice(), { deviceId: "" }],
    };
    const read = readPairList(answer);
    expect(read?.list.pending.map((request) => request.requestId)).toEqual(["r1", "r2", "r3"]);
    expect(read?.list.pending[2]?.silent).toBe(false);
    expect(read?.list.paired.map((device) => device.deviceId)).toEqual(["d1"]);
    expect(read?.unreadable).toBe(4);
  });

  it("keeps the first of two requests or devices with the same id, counting the second", () => {
    const answer = {
      pending: [goodRequest(), goodRequest()],
      paired: [goodDevice(), goodDevice()],
    };
    const read = readPairList(answer);
    expect([read?.list.pending.length, read?.list.paired.length]).toEqual([1, 1]);
    expect(read?.unreadable).toBe(2);
  });

  it("refuses an answer without both lists", () => {
    expect(readPairList({ pending: [] })).toBeUndefined();
  });
});

describe("the limits on what a gateway may send (WIRE_LIMITS)", () => {
  const { idLength, textLength, listItems, listedRecords, timeSpanMs } = WIRE_LIMITS;
  const now = Date.now();

  it.each([
    ["a time 10^16 ms from 1970", 1e16],
    ["a time before 1970", -1],
    ["a time past 50 years from now", now + timeSpanMs + 60_000],
    ["a time more than 50 years ago", now - timeSpanMs - 60_000],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["the largest number", Number.MAX_VALUE],
    ["a numeric string", String(now)],
  ])("drops a request whose ts is %s, and the last-seen time of a device", (_what, time) => {
    expect(readPendingRequest({ ...goodRequest(), ts: time })).toBeUndefined();
    const fault = vi.fn();
    const device = readPairedDevice({ ...goodDevice(), lastSeenAtMs: time }, fault);
    expect(device?.lastSeenAtMs).toBeUndefined();
    expect(device?.deviceId).toBe("d1");
    expect(fault).toHaveBeenCalledOnce();
  });

  it("keeps times within 50 years either way", () => {
    for (const ts of [now - timeSpanMs + 60_000, now + timeSpanMs - 60_000]) {
      expect(readPendingRequest({ ...goodRequest(), ts })?.ts).toBe(ts);
    }
  });

  it("drops ids, scopes and roles past their length, and lists past their count", () => {
    const longId = "d".repeat(idLength + 1);
    expect(readPendingRequest({ ...goodRequest(), requestId: longId })).toBeUndefined();
    expect(readPairedDevice({ ...goodDevice(), deviceId: longId })).toBeUndefined();
    expect(
      readPendingRequest({ ...goodRequest(), scopes: [`operator.${longId}`] }),
    ).toBeUndefined();
    const many = Array.from({ length: listItems + 1 }, (_, index) => `scope.${index}`);
    expect(readPendingRequest({ ...goodRequest(), scopes: many })).toBeUndefined();
    expect(readPendingRequest({ ...goodRequest(), scopes: many.slice(1) })?.scopes).toHaveLength(
      listItems,
    );
  });

  it("keeps a 10,000-character name and leaves out (and counts) a longer one than the limit", () => {
    const fault = vi.fn();
    const name = "n".repeat(10_000);
    expect(readPairedDevice({ ...goodDevice(), displayName: name }, fault)?.displayName).toBe(name);
    expect(fault).not.toHaveBeenCalled();
    const tooLong = "n".repeat(textLength + 1);
    const read = readPendingRequest({ ...goodRequest(), displayName: tooLong }, fault);
    expect(read?.requestId).toBe("r1");
    expect(read?.displayName).toBeUndefined();
    expect(fault).toHaveBeenCalledOnce();
  });

  it("keeps the first tokens of a device, counting the rest as unreadable", () => {
    const fault = vi.fn();
    const tokens = Array.from({ length: listItems + 5 }, (_, i) => ({
      role: `role-${i}`,
      scopes: [],
      createdAtMs: now,
    }));
    expect(readPairedDevice({ ...goodDevice(), tokens }, fault)?.tokens).toHaveLength(listItems);
    expect(fault).toHaveBeenCalledOnce();
  });

  it("keeps one token per role, as the gateway holds them", () => {
    const fault = vi.fn();
    const token = { role: "operator", scopes: [], createdAtMs: now };
    const read = readPairedDevice({ ...goodDevice(), tokens: [token, { ...token }] }, fault);
    expect(read?.tokens).toEqual([token]);
    expect(fault).toHaveBeenCalledOnce();
  });

  it("reads a scope list with a repeat as unreadable", () => {
    const fault = vi.fn();
    const scopes = ["operator.read", "operator.read"];
    expect(readPendingRequest({ ...goodRequest(), scopes }, fault)).toBeUndefined();
    expect(readPairedDevice({ ...goodDevice(), scopes }, fault)?.scopes).toEqual([]);
  });

  it("counts a list's records past the limit as unreadable", () => {
    const paired = Array.from({ length: listedRecords + 3 }, (_, i) => ({
      ...goodDevice(),
      deviceId: `d${i}`,
    }));
    const read = readPairList({ pending: [], paired });
    expect(read?.list.paired).toHaveLength(listedRecords);
    expect(read?.unreadable).toBe(3);
  });

  it("does not count what an older gateway leaves out", () => {
    const fault = vi.fn();
    const { roles: _roles, silent: _silent, ...older } = goodRequest();
    expect(readPendingRequest(older, fault)).toMatchObject({ roles: ["operator"], silent: false });
    const { createdAtMs: _created, ...olderDevice } = goodDevice();
    expect(readPairedDevice(olderDevice, fault)?.createdAtMs).toBe(0);
    expect(fault).not.toHaveBeenCalled();
  });
});
