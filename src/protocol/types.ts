import type { Decision } from "./names";

// Shapes of the device-pairing payloads (spec §7). Fields marked optional may be
// absent on the wire; every string here is device-supplied and must be shown as text.

export type ErrorShape = {
  code: string;
  message: string;
  details?: unknown;
  retryable?: boolean;
  retryAfterMs?: number;
};

export type RequestFrame = { type: "req"; id: string; method: string; params?: unknown };
export type ResponseFrame =
  | { type: "res"; id: string; ok: true; payload?: unknown }
  | { type: "res"; id: string; ok: false; error: ErrorShape };
export type EventFrame = { type: "event"; event: string; payload?: unknown; seq?: number };
export type Frame = RequestFrame | ResponseFrame | EventFrame;

export type PendingRequest = {
  requestId: string;
  deviceId: string;
  publicKey: string;
  displayName?: string;
  platform?: string;
  deviceFamily?: string;
  clientId?: string;
  clientMode?: string;
  browserOrigin?: string;
  role: string;
  roles: string[];
  scopes: string[];
  remoteIp?: string;
  silent: boolean;
  isRepair: boolean;
  ts: number;
};

export type DeviceTokenSummary = {
  role: string;
  scopes: string[];
  createdAtMs: number;
  rotatedAtMs?: number;
  revokedAtMs?: number;
  lastUsedAtMs?: number;
};

export type PairedDevice = {
  deviceId: string;
  publicKey: string;
  displayName?: string;
  platform?: string;
  deviceFamily?: string;
  clientId?: string;
  clientMode?: string;
  role?: string;
  roles: string[];
  scopes: string[];
  approvedScopes?: string[];
  approvedVia?: string;
  createdAtMs: number;
  approvedAtMs?: number;
  lastSeenAtMs?: number;
  lastSeenReason?: string;
  connected?: boolean;
  /** Older gateways and the spec: the admin's name for the device. */
  label?: string;
  /** The real gateway stores `device.pair.rename` here (observed on 2026.9.6). */
  operatorLabel?: string;
  remoteIp?: string;
  tokens?: DeviceTokenSummary[];
};

export type PairList = { pending: PendingRequest[]; paired: PairedDevice[] };

export type PairResolved = {
  requestId: string;
  deviceId: string;
  decision: Decision | string;
  ts: number;
};

export type ApproveResult = { requestId: string; device: PairedDevice };
export type RejectResult = { requestId: string; deviceId: string };
export type RemoveResult = { deviceId: string };

export type ConnectChallenge = { nonce: string; ts: number };

/** The admin's label for a paired device, wherever the gateway keeps it. */
export function adminLabel(
  device: Pick<PairedDevice, "label" | "operatorLabel">,
): string | undefined {
  return device.operatorLabel?.trim() || device.label?.trim() || undefined;
}
