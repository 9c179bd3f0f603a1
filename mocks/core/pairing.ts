import type { PairingReason } from "../../src/protocol";
import { bytesToBase64Url } from "./encoding";
import type { GatewayState } from "./state";
import type { StoredPairedDevice, StoredPendingRequest } from "./types";

// Pending/paired bookkeeping (spec §7): reuse, supersede, approve, reject, remove, rename,
// and the per-role device tokens. Pure state changes; the caller persists and broadcasts.

export type PairingAsk = {
  deviceId: string;
  publicKey: string;
  displayName?: string;
  platform?: string;
  deviceFamily?: string;
  clientId: string;
  clientMode: string;
  browserOrigin?: string;
  role: string;
  scopes: string[];
  remoteIp?: string;
};

export type Clock = { now: () => number; randomId: () => string };

export type PairingRequestResult = {
  request: StoredPendingRequest;
  /** False when an identical pending ask was refreshed instead. */
  created: boolean;
  superseded: StoredPendingRequest[];
};

function union(...lists: (readonly string[] | undefined)[]): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((item) => left.has(item));
}

function isSameAsk(request: StoredPendingRequest, ask: PairingAsk): boolean {
  return (
    request.publicKey === ask.publicKey &&
    request.role === ask.role &&
    sameSet(request.scopes, ask.scopes) &&
    request.platform === ask.platform &&
    request.deviceFamily === ask.deviceFamily &&
    request.clientId === ask.clientId
  );
}

export function newSecret(): string {
  return bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export function requestPairing(
  state: GatewayState,
  clock: Clock,
  ask: PairingAsk,
  reason: PairingReason,
  silent: boolean,
): PairingRequestResult {
  const now = clock.now();
  const existing = state.pendingForDevice(ask.deviceId);
  if (existing && isSameAsk(existing, ask)) {
    existing.silent = silent;
    existing.ts = now;
    existing.refreshedAtMs = now;
    return { request: existing, created: false, superseded: [] };
  }
  const superseded: StoredPendingRequest[] = [];
  if (existing) {
    state.pending.delete(existing.requestId);
    superseded.push(existing);
  }
  const request: StoredPendingRequest = {
    requestId: clock.randomId(),
    deviceId: ask.deviceId,
    publicKey: ask.publicKey,
    ...optional("displayName", ask.displayName),
    ...optional("platform", ask.platform),
    ...optional("deviceFamily", ask.deviceFamily),
    clientId: ask.clientId,
    clientMode: ask.clientMode,
    ...optional("browserOrigin", ask.browserOrigin),
    role: ask.role,
    roles: union(existing?.roles, [ask.role]),
    scopes: [...ask.scopes],
    ...optional("remoteIp", ask.remoteIp),
    silent,
    isRepair: state.paired.has(ask.deviceId),
    ts: now,
    refreshedAtMs: now,
    reason,
  };
  state.pending.set(request.requestId, request);
  return { request, created: true, superseded };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/**
 * Approves a live request. Roles and scopes are merged with what the device already had (as
 * the real gateway's approveDevicePairing does), the role's token is reissued with the
 * request's scopes, and any other pending state for the device is cleared.
 */
export function approvePairing(
  state: GatewayState,
  clock: Clock,
  requestId: string,
  approvedVia: string,
): StoredPairedDevice | undefined {
  const request = state.livePending(requestId);
  if (!request) return undefined;
  const now = clock.now();
  const existing = state.paired.get(request.deviceId);
  const samePublicKey = existing?.publicKey === request.publicKey;
  const base = samePublicKey ? existing : undefined;
  const tokens = (base?.tokens ?? []).filter((token) => token.role !== request.role);
  const secrets = (base?.tokenSecrets ?? []).filter((secret) => secret.role !== request.role);
  const previous = base?.tokens?.find((token) => token.role === request.role);
  tokens.push({
    role: request.role,
    scopes: [...request.scopes],
    createdAtMs: previous?.createdAtMs ?? now,
    ...(previous ? { rotatedAtMs: now } : {}),
  });
  secrets.push({ role: request.role, token: newSecret() });
  const device: StoredPairedDevice = {
    ...(base ?? {}),
    deviceId: request.deviceId,
    publicKey: request.publicKey,
    ...optional("displayName", request.displayName ?? base?.displayName),
    ...optional("platform", request.platform),
    ...optional("deviceFamily", request.deviceFamily),
    clientId: request.clientId,
    clientMode: request.clientMode,
    role: request.role,
    roles: union(base?.roles, request.roles),
    scopes: union(base?.scopes, request.scopes),
    approvedVia,
    createdAtMs: base?.createdAtMs ?? now,
    approvedAtMs: now,
    ...optional("remoteIp", request.remoteIp),
    tokens,
    tokenSecrets: secrets,
  };
  if (!request.platform) delete device.platform;
  if (!request.deviceFamily) delete device.deviceFamily;
  for (const [id, other] of state.pending)
    if (other.deviceId === device.deviceId) state.pending.delete(id);
  state.paired.set(device.deviceId, device);
  return device;
}

export function rejectPairing(
  state: GatewayState,
  requestId: string,
): StoredPendingRequest | undefined {
  const request = state.livePending(requestId);
  if (request) state.pending.delete(requestId);
  return request;
}

/** The role's live token and secret, or undefined when missing or revoked. */
export function liveToken(device: StoredPairedDevice, role: string) {
  const summary = device.tokens?.find((token) => token.role === role);
  const secret = device.tokenSecrets.find((entry) => entry.role === role);
  if (!summary || !secret || summary.revokedAtMs !== undefined) return undefined;
  return { summary, secret };
}

/** Reissues the role's token (new secret); undefined when the device or role is unknown. */
export function rotateToken(
  device: StoredPairedDevice,
  role: string,
  scopes: string[] | undefined,
  now: number,
) {
  const summary = device.tokens?.find((token) => token.role === role);
  if (!summary && !device.roles.includes(role)) return undefined;
  const next = {
    role,
    scopes: [...(scopes ?? summary?.scopes ?? device.scopes)],
    createdAtMs: summary?.createdAtMs ?? now,
    rotatedAtMs: now,
  };
  const secret = { role, token: newSecret() };
  device.tokens = [...(device.tokens ?? []).filter((token) => token.role !== role), next];
  device.tokenSecrets = [...device.tokenSecrets.filter((entry) => entry.role !== role), secret];
  return { summary: next, secret };
}

export function revokeToken(device: StoredPairedDevice, role: string, now: number) {
  const summary = device.tokens?.find((token) => token.role === role);
  if (!summary) return undefined;
  summary.revokedAtMs = now;
  return summary;
}
