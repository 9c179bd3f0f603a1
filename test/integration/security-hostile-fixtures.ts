import { createHash, randomUUID } from "node:crypto";
import type {
  PersistedState,
  StoredPairedDevice,
  StoredPendingRequest,
} from "../../mocks/core/types";

// Pending requests and paired devices as a hostile client could make a gateway store them:
// written straight into the mock's state, so nothing in between can tidy them up.

export function deviceIdFor(seed: string): string {
  return createHash("sha256").update(seed).digest("hex");
}

export function hostilePending(
  seed: string,
  fields: Partial<StoredPendingRequest> = {},
  now = Date.now(),
): StoredPendingRequest {
  return {
    requestId: randomUUID(),
    deviceId: deviceIdFor(seed),
    publicKey: `pk-${seed}`,
    clientId: "openclaw-ios",
    clientMode: "ui",
    platform: "ios",
    role: "operator",
    roles: ["operator"],
    scopes: ["operator.read"],
    remoteIp: "192.168.1.20",
    silent: false,
    isRepair: false,
    ts: now,
    refreshedAtMs: now,
    reason: "not-paired",
    ...fields,
  };
}

export function pairedDevice(seed: string, fields: Partial<StoredPairedDevice> = {}) {
  const now = Date.now();
  const device: StoredPairedDevice = {
    deviceId: deviceIdFor(seed),
    publicKey: `pk-${seed}`,
    displayName: seed,
    platform: "ios",
    clientId: "openclaw-ios",
    clientMode: "ui",
    role: "operator",
    roles: ["operator"],
    scopes: ["operator.read"],
    approvedVia: "owner",
    createdAtMs: now - 60_000,
    approvedAtMs: now - 60_000,
    lastSeenAtMs: now - 60_000,
    tokens: [],
    tokenSecrets: [],
    ...fields,
  };
  return device;
}

export function stateWith(
  pending: StoredPendingRequest[],
  paired: StoredPairedDevice[] = [],
): PersistedState {
  return { pending, paired };
}
