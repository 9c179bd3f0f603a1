import type { PairedDevice, PendingRequest } from "../../../src/protocol";

export const DEVICE_ID = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2";
export const PUBLIC_KEY = "pk-original";

export function pairedDevice(overrides: Partial<PairedDevice> = {}): PairedDevice {
  return {
    deviceId: DEVICE_ID,
    publicKey: PUBLIC_KEY,
    displayName: "cron",
    platform: "linux",
    clientId: "node-host",
    clientMode: "node",
    role: "operator",
    roles: ["operator"],
    scopes: ["operator.read"],
    approvedVia: "owner",
    createdAtMs: 1_000,
    tokens: [{ role: "operator", scopes: ["operator.read"], createdAtMs: 1_000 }],
    ...overrides,
  };
}

export function pendingRequest(overrides: Partial<PendingRequest> = {}): PendingRequest {
  return {
    requestId: "3f0c6f0e-8a55-4f55-9a43-2f5e0f7d9b11",
    deviceId: DEVICE_ID,
    publicKey: PUBLIC_KEY,
    platform: "linux",
    clientId: "node-host",
    clientMode: "node",
    role: "operator",
    roles: ["operator"],
    scopes: ["operator.read", "operator.write"],
    remoteIp: "127.0.0.1",
    silent: false,
    isRepair: true,
    ts: 2_000,
    ...overrides,
  };
}
