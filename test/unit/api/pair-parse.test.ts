import { describe, expect, it } from "vitest";
import {
  copyPairedDevice,
  copyPendingRequest,
  parsePairedDevice,
  parsePairList,
  parsePendingRequest,
} from "../../../src/api/pair-parse";
import type { PairedDevice, PendingRequest } from "../../../src/protocol";

// The parser keeps a well-formed item as it came and copies only the others. Whatever path
// an item takes, the UI must read exactly what the field-by-field copy would give it.

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

function pick(value: object | undefined, fields: readonly string[]) {
  if (value === undefined) return undefined;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field, record[field]]));
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

describe("parsePendingRequest", () => {
  it("keeps a well-formed request as the same object", () => {
    const request = goodRequest();
    expect(parsePendingRequest(request)).toBe(request);
  });

  it("reads every field of good and malformed requests as the full copy does", () => {
    const items = variants(goodRequest, REQUEST_FIELDS);
    let kept = 0;
    for (const item of items) {
      const parsed = parsePendingRequest(item);
      if (parsed === item) kept += 1;
      expect(pick(parsed, REQUEST_FIELDS)).toEqual(pick(copyPendingRequest(item), REQUEST_FIELDS));
    }
    // The fast path is really taken for the acceptable variants (absent optional text, ...).
    expect(kept).toBeGreaterThan(REQUEST_FIELDS.length);
  });

  it("drops a request whose roles or scopes cannot be read", () => {
    expect(parsePendingRequest({ ...goodRequest(), scopes: ["operator.read", 1] })).toBeUndefined();
    expect(parsePendingRequest({ ...goodRequest(), roles: "operator" })).toBeUndefined();
    expect(parsePendingRequest({ ...goodRequest(), role: 3, roles: undefined })).toBeUndefined();
  });

  it("never hands the UI a non-string where text belongs", () => {
    const parsed = parsePendingRequest({ ...goodRequest(), displayName: { html: "<b>" } });
    expect(parsed?.displayName).toBeUndefined();
    expect(parsed?.clientId).toBe("openclaw-ios");
  });
});

describe("parsePairedDevice", () => {
  it("keeps a well-formed device, tokens included, as the same object", () => {
    const device = goodDevice();
    const parsed = parsePairedDevice(device);
    expect(parsed).toBe(device);
    expect(parsed?.tokens).toBe(device.tokens);
  });

  it("reads every field of good and malformed devices as the full copy does", () => {
    let kept = 0;
    for (const item of variants(goodDevice, DEVICE_FIELDS)) {
      const parsed = parsePairedDevice(item);
      if (parsed === item) kept += 1;
      expect(pick(parsed, DEVICE_FIELDS)).toEqual(pick(copyPairedDevice(item), DEVICE_FIELDS));
    }
    expect(kept).toBeGreaterThan(DEVICE_FIELDS.length);
  });

  it("leaves out a malformed token on a copy, keeping the good ones", () => {
    const good = { role: "operator", scopes: ["operator.read"], createdAtMs: 1 };
    const parsed = parsePairedDevice({ ...goodDevice(), tokens: [good, { role: 7 }] });
    expect(parsed?.tokens).toEqual([{ ...good }]);
  });
});

describe("parsePairList", () => {
  it("drops and counts unreadable items and keeps the order of the rest", () => {
    const second = { ...goodRequest(), requestId: "r2", deviceId: "d2" };
    const answer = {
      pending: [goodRequest(), { requestId: 1 }, second, { ...goodRequest(), silent: "no" }],
      paired: [null, goodDevice(), { deviceId: "" }],
    };
    const { list, dropped } = parsePairList(answer);
    expect(list.pending.map((request) => request.requestId)).toEqual(["r1", "r2", "r1"]);
    expect(list.pending[2]?.silent).toBe(false);
    expect(list.paired.map((device) => device.deviceId)).toEqual(["d1"]);
    expect(dropped).toBe(3);
  });

  it("reads an answer of well-formed items without copying them", () => {
    const answer = { pending: [goodRequest(), goodRequest()], paired: [goodDevice()] };
    const { list, dropped } = parsePairList(answer);
    expect(dropped).toBe(0);
    expect(list.pending[1]).toBe(answer.pending[1]);
    expect(list.paired[0]).toBe(answer.paired[0]);
  });

  it("refuses an answer without both lists", () => {
    expect(() => parsePairList({ pending: [] })).toThrow("device.pair.list");
  });
});
