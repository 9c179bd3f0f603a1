import type { PairResolved, PendingRequest } from "../protocol";

// Parse at the boundary: event payloads are device- and gateway-supplied, so a malformed
// one is dropped here instead of breaking the list. Strings stay strings (shown as text).

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function parsePendingRequest(value: unknown): PendingRequest | undefined {
  if (!isRecord(value)) return undefined;
  const { requestId, deviceId, publicKey, role, ts } = value;
  if (typeof requestId !== "string" || typeof deviceId !== "string") return undefined;
  if (typeof ts !== "number" || !Number.isFinite(ts)) return undefined;
  const roles = isStringArray(value.roles) ? value.roles : typeof role === "string" ? [role] : [];
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
    role: typeof role === "string" ? role : (roles[0] ?? ""),
    roles,
    scopes: isStringArray(value.scopes) ? value.scopes : [],
    remoteIp: optionalString(value.remoteIp),
    silent: value.silent === true,
    isRepair: value.isRepair === true,
    ts,
  };
}

export function parseResolved(value: unknown): PairResolved | undefined {
  if (!isRecord(value)) return undefined;
  const { requestId, deviceId, decision, ts } = value;
  if (typeof requestId !== "string" || typeof decision !== "string") return undefined;
  return {
    requestId,
    deviceId: typeof deviceId === "string" ? deviceId : "",
    decision,
    ts: typeof ts === "number" ? ts : 0,
  };
}
