// The pairing records a gateway sends, each described once by a field table: the table gives
// the TypeScript type, the check where a record enters, and what a copy fixes. Every string is
// device-supplied: shown as text, never as HTML.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value to keep, or undefined when the field cannot be read. */
type Read<T> = (value: unknown, record: Readonly<Record<string, unknown>>) => T | undefined;
type Check<T> = (value: unknown) => T | undefined;
type Field<T = unknown, Required extends boolean = boolean> = { read: Read<T>; required: Required };
type Table = Record<string, Field>;

/** Unreadable: the whole record is dropped. */
const required = <T>(read: Read<T>): Field<T, true> => ({ read, required: true });
/** Unreadable: the field is left out. */
const optional = <T>(read: Read<T>): Field<T, false> => ({ read, required: false });
/** Unreadable: the field reads as `fallback`. */
const orElse = <T>(read: Read<T>, fallback: T): Field<T, true> => ({
  read: (value, record) => read(value, record) ?? fallback,
  required: true,
});

const text: Check<string> = (value) => (typeof value === "string" ? value : undefined);
const id: Check<string> = (value) =>
  typeof value === "string" && value !== "" ? value : undefined;
const time: Check<number> = (value) =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;
const flag: Check<boolean> = (value) => (typeof value === "boolean" ? value : undefined);
const texts: Check<string[]> = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === "string") ? value : undefined;
const listOf =
  <T extends Table>(table: T): Check<RecordOf<T>[]> =>
  (value) =>
    Array.isArray(value) ? readEach(value, reader(table)).items : undefined;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ValueOf<F> = F extends Field<infer V> ? V : never;
export type RecordOf<T extends Table> = Simplify<
  { -readonly [K in keyof T as T[K] extends Field<unknown, true> ? K : never]: ValueOf<T[K]> } & {
    -readonly [K in keyof T as T[K] extends Field<unknown, false> ? K : never]?: ValueOf<T[K]>;
  }
>;

/** Reads a record by `table`; a record that needs no fix is kept as it came. */
function reader<T extends Table>(table: T): (value: unknown) => RecordOf<T> | undefined {
  const fields = Object.entries(table);
  return (value) => {
    if (!isRecord(value)) return undefined;
    let copy: Record<string, unknown> | undefined;
    for (const [key, field] of fields) {
      const raw = value[key];
      const read = field.read(raw, value);
      if (read === undefined && field.required) return undefined;
      if (read === raw) continue;
      copy ??= { ...value };
      if (read === undefined) delete copy[key];
      else copy[key] = read;
    }
    return (copy ?? value) as RecordOf<T>;
  };
}

/** Every item `read` accepts, in order, and how many it dropped. */
export function readEach<T>(
  items: readonly unknown[],
  read: (item: unknown) => T | undefined,
): { items: T[]; dropped: number } {
  let kept: T[] | undefined;
  items.forEach((item, index) => {
    const value = read(item);
    if (value !== item) kept ??= items.slice(0, index) as T[];
    if (kept && value !== undefined) kept.push(value);
  });
  const result = kept ?? (items as T[]);
  return { items: result, dropped: items.length - result.length };
}

const TOKEN_FIELDS = {
  role: required(text),
  scopes: orElse(texts, []),
  createdAtMs: orElse(time, 0),
  rotatedAtMs: optional(time),
  revokedAtMs: optional(time),
  lastUsedAtMs: optional(time),
};

// A request must say which roles and scopes it asks for: it is never shown asking for less.
const PENDING_FIELDS = {
  requestId: required(id),
  deviceId: required(id),
  publicKey: orElse(text, ""),
  displayName: optional(text),
  platform: optional(text),
  deviceFamily: optional(text),
  clientId: optional(text),
  clientMode: optional(text),
  browserOrigin: optional(text),
  role: required((value, record) => (value === undefined ? texts(record.roles)?.[0] : id(value))),
  roles: required((value, record) =>
    value === undefined ? (id(record.role) ? [record.role as string] : []) : texts(value),
  ),
  scopes: required(texts),
  remoteIp: optional(text),
  silent: orElse(flag, false),
  isRepair: orElse(flag, false),
  ts: required(time),
};

// Unreadable scope or role lists read as empty: a request from the device then shows all it
// asks for as added, erring on the side of showing more.
const PAIRED_FIELDS = {
  deviceId: required(id),
  publicKey: orElse(text, ""),
  displayName: optional(text),
  platform: optional(text),
  deviceFamily: optional(text),
  clientId: optional(text),
  clientMode: optional(text),
  role: optional(text),
  roles: orElse(texts, []),
  scopes: orElse(texts, []),
  approvedScopes: optional(texts),
  approvedVia: optional(text),
  createdAtMs: orElse(time, 0),
  approvedAtMs: optional(time),
  lastSeenAtMs: optional(time),
  lastSeenReason: optional(text),
  connected: optional(flag),
  /** The admin's name for the device in the spec and older gateways. */
  label: optional(text),
  /** Where the real gateway keeps `device.pair.rename` (observed on 2026.9.6). */
  operatorLabel: optional(text),
  remoteIp: optional(text),
  tokens: optional(listOf(TOKEN_FIELDS)),
};

const RESOLVED_FIELDS = {
  requestId: required(id),
  deviceId: orElse(text, ""),
  decision: required(text),
  ts: orElse(time, 0),
};

export type DeviceTokenSummary = RecordOf<typeof TOKEN_FIELDS>;
export type PendingRequest = RecordOf<typeof PENDING_FIELDS>;
export type PairedDevice = RecordOf<typeof PAIRED_FIELDS>;
export type PairResolved = RecordOf<typeof RESOLVED_FIELDS>;
export type PairList = { pending: PendingRequest[]; paired: PairedDevice[] };

export const readPendingRequest = reader(PENDING_FIELDS);
export const readPairedDevice = reader(PAIRED_FIELDS);
export const readResolved = reader(RESOLVED_FIELDS);

/** A `device.pair.list` answer without the items it cannot use, or undefined when unreadable. */
export function readPairList(value: unknown): { list: PairList; dropped: number } | undefined {
  if (!isRecord(value) || !Array.isArray(value.pending) || !Array.isArray(value.paired)) {
    return undefined;
  }
  const pending = readEach(value.pending, readPendingRequest);
  const paired = readEach(value.paired, readPairedDevice);
  return {
    list: { pending: pending.items, paired: paired.items },
    dropped: pending.dropped + paired.dropped,
  };
}
