import type {
  DeviceTokenSummary,
  PairedDevice,
  PairList,
  PairResolved,
  PendingRequest,
} from "../protocol";
import {
  isId,
  isRecord,
  isStringArray,
  isTime,
  isWellFormedDevice,
  isWellFormedRequest,
} from "./pair-field-checks";

// Parse at the boundary: event payloads and list answers are device- and gateway-supplied,
// so a malformed item is dropped here (and counted by the caller) instead of breaking the
// list. Strings stay strings (shown through DeviceText). A request whose scopes or roles
// cannot be read is dropped, never shown with fewer scopes than it would be granted.

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function optionalTime(value: unknown): number | undefined {
  return isTime(value) ? value : undefined;
}

/** The requested roles, or undefined when they cannot be read. */
function readRoles(value: Record<string, unknown>): { role: string; roles: string[] } | undefined {
  const { role, roles } = value;
  if (role !== undefined && typeof role !== "string") return undefined;
  if (roles !== undefined && !isStringArray(roles)) return undefined;
  const list = roles ?? (role ? [role] : []);
  const main = role ?? list[0];
  return main ? { role: main, roles: list } : undefined;
}

export function parsePendingRequest(value: unknown): PendingRequest | undefined {
  if (!isRecord(value)) return undefined;
  if (isWellFormedRequest(value)) return value as PendingRequest;
  return copyPendingRequest(value);
}

/**
 * The slow path: a copy holding only what could be read, defaults for the rest. Exported so
 * tests can hold the fast path to it.
 */
export function copyPendingRequest(value: Record<string, unknown>): PendingRequest | undefined {
  const { requestId, deviceId, publicKey, ts, scopes } = value;
  if (!isId(requestId) || !isId(deviceId) || !isTime(ts)) return undefined;
  if (!isStringArray(scopes)) return undefined;
  const roles = readRoles(value);
  if (!roles) return undefined;
  return {
    requestId,
    deviceId,
    publicKey: typeof publicKey === "string" ? publicKey : "",
    displayName: optionalString(value.displayName),
    platform: optionalString(value.platform),
    deviceFamily: optionalString(value.deviceFamily),
    clientId: optionalString(value.clientId),
    clientMode: optionalString(value.clientMode),
    browserOrigin: optionalString(value.browserOrigin),
    role: roles.role,
    roles: roles.roles,
    scopes,
    remoteIp: optionalString(value.remoteIp),
    silent: value.silent === true,
    isRepair: value.isRepair === true,
    ts,
  };
}

export function parseResolved(value: unknown): PairResolved | undefined {
  if (!isRecord(value)) return undefined;
  const { requestId, deviceId, decision, ts } = value;
  if (!isId(requestId) || typeof decision !== "string") return undefined;
  return {
    requestId,
    deviceId: typeof deviceId === "string" ? deviceId : "",
    decision,
    ts: isTime(ts) ? ts : 0,
  };
}

function parseToken(value: unknown): DeviceTokenSummary | undefined {
  if (!isRecord(value) || typeof value.role !== "string") return undefined;
  return {
    role: value.role,
    scopes: isStringArray(value.scopes) ? value.scopes : [],
    createdAtMs: optionalTime(value.createdAtMs) ?? 0,
    rotatedAtMs: optionalTime(value.rotatedAtMs),
    revokedAtMs: optionalTime(value.revokedAtMs),
    lastUsedAtMs: optionalTime(value.lastUsedAtMs),
  };
}

/**
 * A paired record. Unreadable scope or role lists read as empty: a request from that device
 * then shows everything it asks for as added, which errs on the side of showing more.
 */
export function parsePairedDevice(value: unknown): PairedDevice | undefined {
  if (!isRecord(value)) return undefined;
  if (isWellFormedDevice(value)) return value as PairedDevice;
  return copyPairedDevice(value);
}

/** The slow path for a paired record (exported for the same tests). */
export function copyPairedDevice(value: Record<string, unknown>): PairedDevice | undefined {
  if (!isId(value.deviceId)) return undefined;
  const tokens = Array.isArray(value.tokens)
    ? value.tokens.map(parseToken).filter((token) => token !== undefined)
    : undefined;
  return {
    deviceId: value.deviceId,
    publicKey: typeof value.publicKey === "string" ? value.publicKey : "",
    displayName: optionalString(value.displayName),
    platform: optionalString(value.platform),
    deviceFamily: optionalString(value.deviceFamily),
    clientId: optionalString(value.clientId),
    clientMode: optionalString(value.clientMode),
    role: optionalString(value.role),
    roles: isStringArray(value.roles) ? value.roles : [],
    scopes: isStringArray(value.scopes) ? value.scopes : [],
    approvedScopes: isStringArray(value.approvedScopes) ? value.approvedScopes : undefined,
    approvedVia: optionalString(value.approvedVia),
    createdAtMs: optionalTime(value.createdAtMs) ?? 0,
    approvedAtMs: optionalTime(value.approvedAtMs),
    lastSeenAtMs: optionalTime(value.lastSeenAtMs),
    lastSeenReason: optionalString(value.lastSeenReason),
    connected: typeof value.connected === "boolean" ? value.connected : undefined,
    operatorLabel: optionalString(value.operatorLabel),
    label: optionalString(value.label),
    remoteIp: optionalString(value.remoteIp),
    tokens,
  };
}

/** The gateway's answer could not be read at all (not `{pending: [], paired: []}`). */
export class UnreadableAnswerError extends Error {
  readonly code = "UNREADABLE_ANSWER";
  constructor(method: string) {
    super(`the gateway's answer to ${method} could not be read`);
    this.name = "UnreadableAnswerError";
  }
}

export type ParsedPairList = { list: PairList; dropped: number };

/** Reads a `device.pair.list` answer, dropping entries it cannot use (and counting them). */
export function parsePairList(value: unknown, method = "device.pair.list"): ParsedPairList {
  if (!isRecord(value) || !Array.isArray(value.pending) || !Array.isArray(value.paired)) {
    throw new UnreadableAnswerError(method);
  }
  const pending = parseEach(value.pending, parsePendingRequest);
  const paired = parseEach(value.paired, parsePairedDevice);
  const dropped = value.pending.length - pending.length + (value.paired.length - paired.length);
  return { list: { pending, paired }, dropped };
}

/**
 * Every item `parse` can read, in order. While each comes back as it was, the answer's own
 * array is the result: no second 10,000-slot array is built unless an item was dropped or
 * copied.
 */
function parseEach<T>(items: unknown[], parse: (item: unknown) => T | undefined): T[] {
  let read: T[] | undefined;
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index];
    const parsed = parse(item);
    if (read) {
      if (parsed !== undefined) read.push(parsed);
    } else if (parsed !== item) {
      read = items.slice(0, index) as T[];
      if (parsed !== undefined) read.push(parsed);
    }
  }
  return read ?? (items as T[]);
}
