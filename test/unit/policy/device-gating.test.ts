import { describe, expect, it } from "vitest";
import {
  scopesToAct,
  scopesToAdd,
  type Caller,
  type DeviceActionTarget,
} from "../../../src/policy";

// Every row of the measured gating matrix (docs/real-gateway-admin-and-nodes.md §4): a cell the
// gateway allowed needs nothing more; a refused one names what a reconnect must add.

const read = "operator.read";
const write = "operator.write";
const pairing = "operator.pairing";
const admin = "operator.admin";
const approvals = "operator.approvals";

const CALLERS: Record<string, Caller> = {
  read: { scopes: [read] },
  "read+pairing": { scopes: [read, pairing] },
  "read+pairing+write": { scopes: [read, pairing, write] },
  admin: { scopes: [admin] },
  "device token": { scopes: [read, pairing], deviceTokenOnly: true, deviceId: "self" },
};
const token = (role: string, scopes: string[]) => ({ role, scopes });
const opAdminToken = token("operator", [admin, read, write]);
const approve = (scopes: string[], role = "operator") => ({
  action: "approve" as const,
  request: { deviceId: "other", role, roles: [role], scopes },
});

type Row = [string, DeviceActionTarget, Record<keyof typeof CALLERS, string[]>];
const ALL_OK = { read: [pairing], "read+pairing": [], "read+pairing+write": [], admin: [] };
const ROWS: Row[] = [
  ["approve: new device asking [read]", approve([read]), { ...ALL_OK, "device token": [admin] }],
  [
    "approve: new device [read, write]",
    approve([read, write]),
    {
      read: [pairing, write],
      "read+pairing": [write],
      "read+pairing+write": [],
      admin: [],
      "device token": [admin],
    },
  ],
  [
    "approve: new device [admin]",
    approve([admin]),
    {
      read: [admin],
      "read+pairing": [admin],
      "read+pairing+write": [admin],
      admin: [],
      "device token": [admin],
    },
  ],
  [
    "approve: new node-role device",
    approve([], "node"),
    {
      read: [admin],
      "read+pairing": [admin],
      "read+pairing+write": [admin],
      admin: [],
      "device token": [admin],
    },
  ],
  [
    "approve: metadata re-approval of an admin device",
    {
      action: "approve",
      request: { deviceId: "other", role: "operator", roles: ["operator"], scopes: [read] },
      paired: {
        roles: ["operator"],
        scopes: [admin, read],
        tokens: [{ ...opAdminToken, createdAtMs: 1 }],
      },
    },
    {
      read: [admin],
      "read+pairing": [admin],
      "read+pairing+write": [admin],
      admin: [],
      "device token": [admin],
    },
  ],
  [
    "approve: own device asking +approvals",
    {
      action: "approve",
      request: {
        deviceId: "self",
        role: "operator",
        roles: ["operator"],
        scopes: [read, pairing, approvals],
      },
      paired: { roles: ["operator"], scopes: [read, pairing] },
    },
    {
      read: [pairing, approvals],
      "read+pairing": [approvals],
      "read+pairing+write": [approvals],
      admin: [],
      "device token": [approvals],
    },
  ],
  [
    "reject: a new device",
    { action: "reject", deviceId: "other" },
    { ...ALL_OK, "device token": [admin] },
  ],
  ...(["rename", "remove"] as const).map((action): Row => [
    `${action}: another device`,
    { action, deviceId: "other" },
    { ...ALL_OK, "device token": [admin] },
  ]),
  ...(["rename", "remove"] as const).map((action): Row => [
    `${action}: self`,
    { action, deviceId: "self" },
    { ...ALL_OK, "device token": [] },
  ]),
  ...(["rotate", "revoke"] as const).flatMap((action): Row[] => [
    [
      `${action}: self, operator [read, pairing]`,
      { action, deviceId: "self", token: token("operator", [pairing, read]) },
      { ...ALL_OK, "device token": [] },
    ],
    [
      `${action}: op-read`,
      { action, deviceId: "other", token: token("operator", [read]) },
      { ...ALL_OK, "device token": [admin] },
    ],
    [
      `${action}: op-admin`,
      { action, deviceId: "other", token: opAdminToken },
      {
        read: [admin],
        "read+pairing": [admin],
        "read+pairing+write": [admin],
        admin: [],
        "device token": [admin],
      },
    ],
    [
      `${action}: a node token`,
      { action, deviceId: "other", token: token("node", []) },
      {
        read: [admin],
        "read+pairing": [admin],
        "read+pairing+write": [admin],
        admin: [],
        "device token": [admin],
      },
    ],
  ]),
];

describe("scopesToAct: the measured gating matrix", () => {
  it.each(
    ROWS.flatMap(([name, target, cells]) =>
      Object.entries(cells).map(([caller, expected]) => [name, caller, target, expected] as const),
    ),
  )("%s, caller %s", (_name, caller, target, expected) => {
    expect(scopesToAct(CALLERS[caller] as Caller, target)).toEqual(expected);
  });
});

describe("scopesToAdd", () => {
  it.each<[string[], string[], string[]]>([
    [[read, pairing], [pairing, read, write], [write]],
    [[read], [write, read, admin], [admin]],
    [[pairing], [read, write], [write]],
    [[admin], [read, write, "operator.talk.secrets"], []],
  ])("held %j, needed %j → %j", (held, needed, expected) => {
    expect(scopesToAdd(held, needed)).toEqual(expected);
  });
});
