import { approvedRoles } from "../../src/policy/approved-access";
import { normalizeScopes, waitingRequestCovers } from "../../src/policy/scopes";
import type { PairingReason } from "../../src/protocol";
import type { GatewayState } from "./state";
import { firstMissingScope, issueToken, roleTokenScopes, tokenScopes } from "./tokens";
import type { StoredPairedDevice, StoredPendingRequest } from "./types";

// Pending/paired bookkeeping (spec §7) as the real gateway does it: refresh a request the new
// ask is covered by, else replace it with the union of roles and scopes; approve merges into
// the paired record. Pure state changes; the caller persists and broadcasts.

export type PairingAsk = {
  deviceId: string;
  publicKey: string;
  displayName?: string;
  platform?: string;
  deviceFamily?: string;
  clientId: string;
  clientMode: string;
  role: string;
  scopes: string[];
  /** Only for peers that are neither direct-local nor loopback (observed). */
  remoteIp?: string;
};

export type Clock = { now: () => number; randomId: () => string };

export type PairingRequestResult = {
  request: StoredPendingRequest;
  /** False when an existing pending request covered the ask and was refreshed instead. */
  created: boolean;
  superseded: StoredPendingRequest[];
};

/** Beyond this many entries union keeps a set beside its list (a plain scan is quadratic). */
const UNION_SCAN_LIMIT = 16;

/** Trimmed, non-empty, each once, in first-seen order. Lists are a few roles or scopes. */
function union(...lists: (readonly (string | undefined)[] | undefined)[]): string[] {
  const out: string[] = [];
  let seen: Set<string> | undefined;
  for (const list of lists) {
    for (const item of list ?? []) {
      const value = item?.trim();
      if (!value || (seen ? seen.has(value) : out.includes(value))) continue;
      out.push(value);
      if (seen) seen.add(value);
      else if (out.length > UNION_SCAN_LIMIT) seen = new Set(out);
    }
  }
  return out;
}

/** The pending request already asks for everything this connect asks (same key and role). */
function covers(request: StoredPendingRequest, ask: PairingAsk): boolean {
  return request.publicKey === ask.publicKey && waitingRequestCovers(request, ask);
}

/**
 * Sets an optional text field only when it has a value, so absent fields stay absent on the
 * wire and on disk. Records are built field by field in wire order rather than by spreading
 * `{ [key]: value }` pieces, which cost more than the rest of the bookkeeping together.
 */
function setText<T extends object>(
  target: T,
  key: { [K in keyof T]-?: string extends T[K] ? K : never }[keyof T],
  value: string | undefined,
): void {
  if (value) (target as Record<string, unknown>)[key as string] = value;
}

export function requestPairing(
  state: GatewayState,
  clock: Clock,
  ask: PairingAsk,
  reason: PairingReason,
  silent: boolean,
): PairingRequestResult {
  const now = clock.now();
  const isRepair = state.paired.has(ask.deviceId);
  const existing = state.pendingOfDevice(ask.deviceId).sort((a, b) => b.ts - a.ts);
  const only = existing[0];
  if (existing.length === 1 && only && covers(only, ask)) {
    // A refresh keeps the id and ts; the device's newest details win (observed).
    setText(only, "displayName", ask.displayName ?? only.displayName);
    setText(only, "platform", ask.platform ?? only.platform);
    setText(only, "deviceFamily", ask.deviceFamily ?? only.deviceFamily);
    only.clientId = ask.clientId;
    only.clientMode = ask.clientMode;
    setText(only, "remoteIp", ask.remoteIp ?? only.remoteIp);
    only.silent = only.silent && silent;
    only.isRepair = only.isRepair || isRepair;
    state.pending.refresh(only, now);
    return { request: only, created: false, superseded: [] };
  }
  for (const old of existing) state.pending.delete(old.requestId);
  // Built in wire order; the required fields are all set below (see setText).
  const request = {
    requestId: clock.randomId(),
    deviceId: ask.deviceId,
    publicKey: ask.publicKey,
  } as StoredPendingRequest;
  setText(request, "displayName", ask.displayName);
  setText(request, "platform", ask.platform);
  setText(request, "deviceFamily", ask.deviceFamily);
  request.clientId = ask.clientId;
  request.clientMode = ask.clientMode;
  request.role = ask.role;
  // A different ask replaces the old requests with the union of everything asked (observed).
  request.roles = union(...existing.flatMap((old) => [old.roles, [old.role]]), [ask.role]);
  request.scopes = union(...existing.map((old) => old.scopes), normalizeScopes(ask.scopes));
  setText(request, "remoteIp", ask.remoteIp);
  request.silent = silent && existing.every((old) => old.silent);
  request.isRepair = isRepair;
  request.ts = now;
  request.refreshedAtMs = now;
  request.reason = reason;
  state.pending.set(request);
  return { request, created: true, superseded: existing };
}

export type ApproveOptions = {
  approvedVia: string;
  /** The approving caller's scopes; absent for the gateway's own silent approval. */
  callerScopes?: readonly string[];
  /** Fresh facts from the connect that was approved silently. */
  access?: { displayName?: string; remoteIp?: string; lastSeenAtMs: number };
};

export type ApproveResult =
  { ok: true; device: StoredPairedDevice } | { ok: false; message: string } | undefined;

/** The scopes the role's token gets: the new ones on top of its current ones (real gateway). */
function approvedTokenScopes(
  role: string,
  request: StoredPendingRequest,
  existing: StoredPairedDevice | undefined,
  approvedScopes: string[],
): string[] {
  const current = existing?.tokens?.find((token) => token.role === role);
  const asked = roleTokenScopes(role, request.scopes);
  if (asked.length === 0) return roleTokenScopes(role, current?.scopes ?? approvedScopes);
  const baseline = roleTokenScopes(role, existing?.approvedScopes ?? existing?.scopes);
  const added = current && baseline.length > 0 ? asked.filter((s) => !baseline.includes(s)) : asked;
  if (added.length === 0 && current) return roleTokenScopes(role, current.scopes);
  return roleTokenScopes(role, union(current?.scopes, added));
}

function approvalKind(existing: StoredPairedDevice | undefined, incoming: string): string {
  if (incoming === "owner" || !existing?.approvedVia) return incoming;
  return existing.approvedVia === "owner" ? "owner" : incoming;
}

/**
 * Approves a live request the way the real gateway's approveDevicePairing does: roles and
 * scopes merge into the paired record, each requested role gets a token, and an approving
 * caller must itself hold every operator scope it grants.
 */
export function approvePairing(
  state: GatewayState,
  clock: Clock,
  requestId: string,
  how: ApproveOptions | string,
): ApproveResult {
  // A bare string is the approvedVia of a trusted (gateway-side) approval.
  const options = typeof how === "string" ? { approvedVia: how } : how;
  const request = state.livePending(requestId);
  if (!request) return undefined;
  const now = clock.now();
  const existing = state.paired.get(request.deviceId);
  const requestedRoles = union(request.roles, [request.role]);
  const outside = tokenScopes(request.scopes).find(
    (scope) => !requestedRoles.some((role) => scope.startsWith(`${role}.`)),
  );
  if (outside) return { ok: false, message: `invalid scope for requested roles: ${outside}` };
  const approvedScopes = union(existing?.approvedScopes ?? existing?.scopes, request.scopes);
  const next = new Map<string, string[]>();
  for (const role of requestedRoles) {
    const scopes = approvedTokenScopes(role, request, existing, approvedScopes);
    next.set(role, scopes);
    if (role !== "operator" || scopes.length === 0 || !options.callerScopes) continue;
    const needed = union(roleTokenScopes(role, request.scopes), scopes);
    const missing = firstMissingScope(role, needed, options.callerScopes);
    if (missing) return { ok: false, message: `missing scope: ${missing}` };
  }
  const { access } = options;
  // Built in the order the gateway writes paired.json; every required field is set below.
  const device = {} as StoredPairedDevice;
  setText(device, "operatorLabel", existing?.operatorLabel);
  device.deviceId = request.deviceId;
  device.publicKey = request.publicKey;
  setText(device, "displayName", access?.displayName ?? request.displayName);
  setText(device, "platform", request.platform);
  setText(device, "deviceFamily", request.deviceFamily);
  device.clientId = request.clientId;
  device.clientMode = request.clientMode;
  device.role = request.role;
  device.roles = union(existing ? approvedRoles(existing) : [], requestedRoles);
  device.scopes = approvedScopes;
  device.approvedScopes = approvedScopes;
  setText(device, "remoteIp", access?.remoteIp ?? request.remoteIp);
  device.approvedVia = approvalKind(existing, options.approvedVia);
  // A node's command surface (approved or asked for) survives a re-approval of the device.
  const surfaces = existing as (StoredPairedDevice & Record<string, unknown>) | undefined;
  for (const key of ["nodeSurface", "pendingNodeSurface"] as const) {
    if (surfaces?.[key] !== undefined) (device as Record<string, unknown>)[key] = surfaces[key];
  }
  device.createdAtMs = existing?.createdAtMs ?? now;
  device.approvedAtMs = now;
  if (access) {
    device.lastSeenAtMs = access.lastSeenAtMs;
    device.lastSeenReason = "connect";
  } else if (existing?.lastSeenAtMs !== undefined) {
    device.lastSeenAtMs = existing.lastSeenAtMs;
    device.lastSeenReason = existing.lastSeenReason;
  }
  device.tokens = (existing?.tokens ?? []).map((token) => ({ ...token }));
  device.tokenSecrets = (existing?.tokenSecrets ?? []).map((secret) => ({ ...secret }));
  for (const [role, scopes] of next) issueToken(device, role, scopes, now);
  state.pending.delete(requestId);
  state.paired.set(device.deviceId, device);
  return { ok: true, device };
}

export function rejectPairing(
  state: GatewayState,
  requestId: string,
): StoredPendingRequest | undefined {
  const request = state.livePending(requestId);
  if (request) state.pending.delete(requestId);
  return request;
}
