import fc from "fast-check";
import { HISTORY_KINDS, DECIDERS } from "../../src/api/history-types";
import { ADMIN_NODE_COMMANDS } from "../../src/policy";
import { DECISIONS, OPERATOR_SCOPES, ROLES, WIRE_LIMITS } from "../../src/protocol";

// Pairing records as a hostile gateway or device could send them, for property-based fuzzing: each
// starts as a record a real gateway would send, then some fields are spoiled (huge, negative or
// non-finite numbers, far-off times, long or invisible text, wrong types, deep nesting, huge
// lists) or left out. Most records stay readable, so the renderers get work as well as the checks.

const NOW = Date.now();
const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const SCOPES = Object.values(OPERATOR_SCOPES);

/** Text that has hurt renderers: markup, bidi and zero-width characters, marks, long runs. */
export const trickyText = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "<img src=x onerror=alert(1)>",
      "evil\u202Eenohpi",
      "operator.\u200Bread",
      "operator.admin\u202E",
      "\uD800 lone surrogate",
      "\u0000\u001F\u007F\u0085",
      "\u2066isolate\u2069\u200E\u200F",
      "👩‍💻".repeat(30),
      `e${"\u0301".repeat(40)}`,
      "__proto__",
      "constructor",
      "",
      "   ",
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        unit: fc.constantFrom("A", "\u202E", "é", "<", "\u200B", "W "),
        times: fc.nat(10_000),
      })
      .map(({ unit, times }) => unit.repeat(times)),
  },
);

const time = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: NOW - 30 * DAY, max: NOW }) },
  // The far edges of what is still readable.
  { weight: 1, arbitrary: fc.integer({ min: NOW - 49 * YEAR, max: NOW + 49 * YEAR }) },
);

/** Values no field should hold: each is spoiled beyond the limits in a different way. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      1e16,
      -1e16,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      -1,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      Number.MAX_SAFE_INTEGER + 2,
      NOW + 51 * YEAR,
      NOW - 51 * YEAR,
      "1700000000000",
      "NaN",
      null,
      true,
      {},
      [],
    ),
  },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 3, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4 }) },
  {
    weight: 1,
    arbitrary: fc.nat({ max: 100 }).map((extra) => "x".repeat(WIRE_LIMITS.textLength + 1 + extra)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 50, max: 400 }).map((depth) => {
      let nested: unknown = "deep";
      for (let i = 0; i < depth; i += 1) nested = i % 2 ? [nested] : { nested };
      return nested;
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: WIRE_LIMITS.listItems + 1, max: 2_000 })
      .map((length) => Array.from({ length }, (_, i) => `operator.s${i}`)),
  },
);

/** Each field valid most of the time, otherwise spoiled or missing. */
function spoiled(
  fields: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  const each = Object.fromEntries(
    Object.entries(fields).map(([key, valid]) => [
      key,
      fc.oneof(
        { weight: 30, arbitrary: valid },
        { weight: 1, arbitrary: hostileValue },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
    ]),
  );
  return fc.record(each).map((record) => {
    for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
    return record;
  });
}

const hex = fc.string({
  unit: fc.constantFrom(..."0123456789abcdef"),
  minLength: 64,
  maxLength: 64,
});
const text = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 24 }) }, trickyText);
const role = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(ROLES.operator, ROLES.node) }, text);
const roles = fc.array(role, { maxLength: 3 });
const scopes = fc.oneof(
  { weight: 6, arbitrary: fc.subarray(SCOPES) },
  fc.array(text, { maxLength: 6 }),
);
const origin = fc.oneof(fc.webUrl(), trickyText);
const address = fc.oneof(fc.ipV4(), fc.ipV6(), trickyText);
const client = fc.oneof(
  fc.constantFrom("openclaw-ios", "node-host", "cli", "openclaw-control-ui"),
  text,
);

/** `device.pair.requested` payloads and `pending` items; device ids come from `ids`. */
export function pendingRecord(ids: fc.Arbitrary<string> = hex) {
  return spoiled({
    requestId: fc.uuid(),
    deviceId: ids,
    publicKey: fc.base64String({ minLength: 44, maxLength: 44 }),
    displayName: text,
    platform: text,
    deviceFamily: text,
    clientId: client,
    clientMode: fc.oneof(fc.constantFrom("ui", "webchat", "backend", "cli"), text),
    browserOrigin: origin,
    role,
    roles,
    scopes,
    remoteIp: address,
    silent: fc.boolean(),
    isRepair: fc.boolean(),
    ts: time,
  });
}

const token = spoiled({
  role,
  scopes,
  createdAtMs: time,
  rotatedAtMs: time,
  revokedAtMs: time,
  lastUsedAtMs: time,
});

/** `paired` items; device ids come from `ids`. */
export function pairedRecord(ids: fc.Arbitrary<string> = hex) {
  return spoiled({
    deviceId: ids,
    publicKey: fc.base64String({ minLength: 44, maxLength: 44 }),
    displayName: text,
    platform: text,
    deviceFamily: text,
    clientId: client,
    clientMode: text,
    role,
    roles,
    scopes,
    approvedScopes: scopes,
    approvedVia: fc.oneof(fc.constantFrom("owner", "silent"), text),
    createdAtMs: time,
    approvedAtMs: time,
    lastSeenAtMs: time,
    lastSeenReason: text,
    connected: fc.boolean(),
    label: text,
    operatorLabel: text,
    remoteIp: address,
    tokens: fc.array(token, { maxLength: 3 }),
  });
}

export const resolvedRecord = spoiled({
  requestId: fc.uuid(),
  deviceId: hex,
  decision: fc.oneof(fc.constantFrom(DECISIONS.approved, DECISIONS.rejected), text),
  ts: time,
});

/** History entries as IndexedDB may hold them (seq is set by the caller). */
export const storedHistoryEntry = spoiled({
  id: fc.uuid(),
  at: time,
  kind: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...Object.values(HISTORY_KINDS)) }, text),
  deviceId: hex,
  deviceName: text,
  requestId: fc.uuid(),
  role,
  scopesAsked: scopes,
  scopesDecided: scopes,
  decidedBy: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...Object.values(DECIDERS)) }, text),
  outcome: fc.constantFrom("done", "refused"),
  note: text,
});

const commands = fc.oneof(
  { weight: 4, arbitrary: fc.subarray([...ADMIN_NODE_COMMANDS, "canvas.snapshot", "camera.snap"]) },
  fc.array(text, { maxLength: 6 }),
);

/** `node.pair.list` pending items; node ids come from `ids`. */
export function nodeRequestRecord(ids: fc.Arbitrary<string> = hex) {
  return spoiled({
    requestId: fc.uuid(),
    nodeId: ids,
    displayName: text,
    platform: text,
    caps: fc.array(text, { maxLength: 4 }),
    commands,
    requiredApproveScopes: scopes,
  });
}

/** `node.pair.list` paired items; node ids come from `ids`. */
export function pairedNodeRecord(ids: fc.Arbitrary<string> = hex) {
  return spoiled({
    nodeId: ids,
    displayName: text,
    platform: text,
    caps: fc.array(text, { maxLength: 4 }),
    commands,
    approvedAtMs: time,
  });
}
