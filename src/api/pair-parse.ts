import type {
  DeviceTokenSummary,
  PairedDevice,
  PairList,
  PairResolved,
  PendingRequest,
} from "../protocol";

// Parse at the boundary: event payloads and list answers are device- and gateway-supplied,
// so a malformed item is dropped here (and counted by the caller) instead of breaking the
// list. Strings stay strings (shown through DeviceText). A request whose scopes or roles
// cannot be read is dropped, never shown with fewer scopes than it would be granted.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function optionalTime(value: unknown): number | undefined {
  return isTime(value) ? value : undefined;
}

function isTime(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
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
  if (!isRecord(value) || !isId(value.deviceId)) return undefined;
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
  const pending = value.pending.map(parsePendingRequest).filter((item) => item !== undefined);
  const paired = value.paired.map(parsePairedDevice).filter((item) => item !== undefined);
  const dropped = value.pending.length - pending.length + (value.paired.length - paired.length);
  return { list: { pending, paired }, dropped };
}
