import { describe, expect, it } from "vitest";
import {
  readPairedDevice,
  readPairList,
  readPendingRequest,
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
  { role: "operator", scopes: [], createdAtMs: 1 },
  [{ role: "operator", scopes: ["operator.read"], createdAtMs: 1 }],
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
    ts: 1_700_000_000_000,
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
    createdAtMs: 1,
    approvedAtMs: 2,
    lastSeenAtMs: 3,
    connected: true,
    tokens: [{ role: "operator", scopes: ["operator.read"], createdAtMs: 1, rotatedAtMs: 5 }],
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
    const good = { role: "operator", scopes: ["operator.read"], createdAtMs: 1 };
    const read = readPairedDevice({ ...goodDevice(), tokens: [good, { role: 7 }] });
    expect(read?.tokens).toEqual([good]);
  });
});

describe("readPairList", () => {
  it("drops and counts unreadable items and keeps the order of the rest", () => {
    const second = { ...goodRequest(), requestId: "r2", deviceId: "d2" };
    const answer = {
      pending: [goodRequest(), { requestId: 1 }, second, { ...goodRequest(), silent: "no" }],
      paired: [null, goodDevice(), { deviceId: "" }],
    };
    const read = readPairList(answer);
    expect(read?.list.pending.map((request) => request.requestId)).toEqual(["r1", "r2", "r1"]);
    expect(read?.list.pending[2]?.silent).toBe(false);
    expect(read?.list.paired.map((device) => device.deviceId)).toEqual(["d1"]);
    expect(read?.dropped).toBe(3);
  });

  it("refuses an answer without both lists", () => {
    expect(readPairList({ pending: [] })).toBeUndefined();
  });
});
