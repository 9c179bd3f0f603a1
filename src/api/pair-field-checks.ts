// Type checks for what the gateway sends, shared by the parser's fast and slow paths.
// "Well-formed" means reading the item field by field would give back the very same values,
// so pair-parse.ts can keep the wire client's object instead of copying it: a 10,000-item
// `device.pair.list` answer is read on the socket's message task, before the first render.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// A plain loop: this runs for every list of every item of a 10,000-item answer.
export function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index += 1) {
    if (typeof value[index] !== "string") return false;
  }
  return true;
}

/** Absent, or a string: what an optional text field may hold to be kept as it came. */
function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === "string";
}

function isOptionalTime(value: unknown): boolean {
  return value === undefined || isTime(value);
}

export function isTime(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

export function isId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

/**
 * True when reading `value` field by field would give back the same values: every field the
 * UI reads already has its type, so the object can be used as it came, without a copy (a
 * 10,000-item answer is read on the socket's message task). Fields the UI never reads ride
 * along untouched, as in the wire client's own object.
 */
export function isWellFormedRequest(value: Record<string, unknown>): boolean {
  const { role } = value;
  return (
    isId(value.requestId) &&
    isId(value.deviceId) &&
    isTime(value.ts) &&
    typeof value.publicKey === "string" &&
    typeof role === "string" &&
    role !== "" &&
    isStringArray(value.roles) &&
    isStringArray(value.scopes) &&
    typeof value.silent === "boolean" &&
    typeof value.isRepair === "boolean" &&
    isOptionalString(value.displayName) &&
    isOptionalString(value.platform) &&
    isOptionalString(value.deviceFamily) &&
    isOptionalString(value.clientId) &&
    isOptionalString(value.clientMode) &&
    isOptionalString(value.browserOrigin) &&
    isOptionalString(value.remoteIp)
  );
}

export function isWellFormedToken(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.role === "string" &&
    isStringArray(value.scopes) &&
    isTime(value.createdAtMs) &&
    isOptionalTime(value.rotatedAtMs) &&
    isOptionalTime(value.revokedAtMs) &&
    isOptionalTime(value.lastUsedAtMs)
  );
}

function areWellFormedTokens(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index += 1) {
    if (!isWellFormedToken(value[index])) return false;
  }
  return true;
}

/** As isWellFormedRequest, for a paired record (its tokens included). */
export function isWellFormedDevice(value: Record<string, unknown>): boolean {
  const { connected, approvedScopes } = value;
  return (
    isId(value.deviceId) &&
    typeof value.publicKey === "string" &&
    isStringArray(value.roles) &&
    isStringArray(value.scopes) &&
    (approvedScopes === undefined || isStringArray(approvedScopes)) &&
    isTime(value.createdAtMs) &&
    isOptionalTime(value.approvedAtMs) &&
    isOptionalTime(value.lastSeenAtMs) &&
    (connected === undefined || typeof connected === "boolean") &&
    isOptionalString(value.displayName) &&
    isOptionalString(value.platform) &&
    isOptionalString(value.deviceFamily) &&
    isOptionalString(value.clientId) &&
    isOptionalString(value.clientMode) &&
    isOptionalString(value.role) &&
    isOptionalString(value.approvedVia) &&
    isOptionalString(value.lastSeenReason) &&
    isOptionalString(value.operatorLabel) &&
    isOptionalString(value.label) &&
    isOptionalString(value.remoteIp) &&
    areWellFormedTokens(value.tokens)
  );
}
