import type { PairedDevice, PendingRequest } from "../../src/protocol";

// A pending request and a paired device as the gateway lists them, with just the fields every
// record has; a test adds what it is about through `overrides`.

export const T0 = 1_700_000_000_000;

export function pendingRequest(
  requestId: string,
  deviceId = `device-${requestId}`,
  overrides: Partial<PendingRequest> = {},
): PendingRequest {
  return {
    requestId,
    deviceId,
    publicKey: `key-${deviceId}`,
    role: "operator",
    roles: ["operator"],
    scopes: ["operator.read"],
    silent: false,
    isRepair: false,
    ts: T0,
    ...overrides,
  };
}

export function pairedDevice(
  deviceId: string,
  overrides: Partial<PairedDevice> = {},
): PairedDevice {
  return {
    deviceId,
    publicKey: `key-${deviceId}`,
    roles: ["operator"],
    scopes: [],
    createdAtMs: 1,
    ...overrides,
  };
}
