// The pairing records a gateway sends, each described once by a field table: the table gives the
// TypeScript type, the check where a record enters, and what a copy fixes.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
// Far beyond what a gateway sends, small enough that no value throws in a date formatter (#15).
export const WIRE_LIMITS = {
  idLength: 256,
  textLength: 16_384,
  listItems: 256,
  listedRecords: 50_000,
  timeSpanMs: 50 * YEAR_MS,
};

declare const wireTextBrand: unique symbol;
/** Chosen by a device, a gateway or storage: lint lets JSX show it only through DeviceText. */
export type WireText = string & { readonly [wireTextBrand]?: true };

type Numbers = { time: number; count: number };
type Kinds = Numbers & { id: WireText; text: WireText; flag: boolean; texts: WireText[] };
type Kind = keyof Kinds | "records";
/** A value that does not fit `kind` (or is missing, where required) is handed to `fix`. */
type Field<T = unknown, Required extends boolean = boolean> = {
  kind: Kind;
  required: Required;
  readList?: (value: readonly unknown[]) => { items: readonly unknown[] };
  fix: (value: unknown, record: Readonly<Record<string, unknown>>) => T | undefined;
};
type Table = Record<string, Field>;
/** Reads one value; `fault` hears of a value left out or replaced on the way. */
export type Read<T> = (value: unknown, fault?: () => void) => T | undefined;

const none = () => undefined;
/** Missing or unreadable: the whole record is dropped, unless `fix` finds a value. */
export const required = <K extends keyof Kinds>(
  kind: K,
  fix: Field<Kinds[K]>["fix"] = none,
): Field<Kinds[K], true> => ({ kind, required: true, fix });
/** Unreadable: the field is left out. */
export const optional = <K extends keyof Kinds>(kind: K): Field<Kinds[K], false> => ({
  kind,
  required: false,
  fix: none,
});
/** Missing or unreadable: the field reads as `fallback`. */
export const orElse = <K extends keyof Kinds>(
  kind: K,
  fallback: Kinds[K],
): Field<Kinds[K], true> => ({
  kind,
  required: true,
  fix: () => fallback,
});
/** A list of records, each `key` once: the unreadable ones and repeats are left out. */
function recordsOf<T extends Table>(table: T, key: keyof RecordOf<T>): Field<RecordOf<T>[], false> {
  const item = reader(table);
  const readList = (value: readonly unknown[]) =>
    readEach(value, once<RecordOf<T>>(item, key), WIRE_LIMITS.listItems);
  return {
    kind: "records",
    required: false,
    readList,
    fix: (value) => (Array.isArray(value) ? readList(value).items : undefined),
  };
}

// Scope and role lists are sets: a repeat is as unreadable as a number would be.
const isTexts = (value: unknown): value is string[] =>
  Array.isArray(value) &&
  value.length <= WIRE_LIMITS.listItems &&
  value.every((item) => typeof item === "string" && item.length <= WIRE_LIMITS.idLength) &&
  new Set(value).size === value.length;

function fits(field: Field, value: unknown): boolean {
  switch (field.kind) {
    case "id":
      return typeof value === "string" && value !== "" && value.length <= WIRE_LIMITS.idLength;
    case "text":
      return typeof value === "string" && value.length <= WIRE_LIMITS.textLength;
    case "time":
      return typeof value === "number" && Math.abs(value - Date.now()) <= WIRE_LIMITS.timeSpanMs;
    case "count":
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case "flag":
      return typeof value === "boolean";
    case "texts":
      return isTexts(value);
    case "records":
      return Array.isArray(value) && field.readList?.(value).items === value;
  }
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ValueOf<F> = F extends Field<infer V> ? V : never;
export type RecordOf<T extends Table> = Simplify<
  { -readonly [K in keyof T as T[K] extends Field<unknown, true> ? K : never]: ValueOf<T[K]> } & {
    -readonly [K in keyof T as T[K] extends Field<unknown, false> ? K : never]?: ValueOf<T[K]>;
  }
>;

/** Reads a record by `table`; a record that needs no fix is kept as it came. */
export function reader<T extends Table>(table: T): Read<RecordOf<T>> {
  const keys = Object.keys(table);
  const fields = Object.values(table);
  return (value, fault) => {
    if (!isRecord(value)) return undefined;
    let copy: Record<string, unknown> | undefined;
    let faulty = false;
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index] as string;
      const field = fields[index] as Field;
      const raw = value[key];
      if (raw === undefined ? !field.required : fits(field, raw)) continue;
      // An unreadable value counts even when the record survives it (a list of records once).
      if (raw !== undefined) faulty = true;
      const fixed = field.fix(raw, value);
      if (fixed === undefined && field.required) return undefined;
      copy ??= { ...value };
      if (fixed === undefined) delete copy[key];
      else copy[key] = fixed;
    }
    if (faulty) fault?.();
    return (copy ?? value) as RecordOf<T>;
  };
}

/** Every item `read` accepts (of the first `limit`), in order, and how many were unreadable. */
export function readEach<T>(
  items: readonly unknown[],
  read: Read<T>,
  limit = WIRE_LIMITS.listedRecords,
): { items: T[]; unreadable: number } {
  let kept: T[] | undefined = items.length > limit ? [] : undefined;
  let faults = 0;
  const fault = () => void (faults += 1);
  items.slice(0, limit).forEach((item, index) => {
    const value = read(item, fault);
    if (value !== item) kept ??= items.slice(0, index) as T[];
    if (kept && value !== undefined) kept.push(value);
  });
  const result = kept ?? (items as T[]);
  return { items: result, unreadable: items.length - result.length + faults };
}

const TOKEN_FIELDS = {
  role: required("text"),
  scopes: orElse("texts", []),
  createdAtMs: orElse("time", 0),
  rotatedAtMs: optional("time"),
  revokedAtMs: optional("time"),
  lastUsedAtMs: optional("time"),
};

// What a device says of itself, in a request and in its paired record.
const DEVICE_FIELDS = {
  deviceId: required("id"),
  publicKey: orElse("text", ""),
  displayName: optional("text"),
  platform: optional("text"),
  deviceFamily: optional("text"),
  clientId: optional("text"),
  clientMode: optional("text"),
};

// A request must say which roles and scopes it asks for: it is never shown asking for less.
const PENDING_FIELDS = {
  requestId: required("id"),
  ...DEVICE_FIELDS,
  browserOrigin: optional("text"),
  // Either may stand for the other; one that is there but unreadable drops the request.
  role: required("id", (value, { roles }) =>
    value === undefined && isTexts(roles) ? roles[0] : undefined,
  ),
  roles: required("texts", (value, { role }) =>
    value === undefined ? (typeof role === "string" && role ? [role] : []) : undefined,
  ),
  scopes: required("texts"),
  remoteIp: optional("text"),
  silent: orElse("flag", false),
  isRepair: orElse("flag", false),
  ts: required("time"),
};

// Unreadable scope or role lists read as empty: a request then shows all it asks for as added.
const PAIRED_FIELDS = {
  ...DEVICE_FIELDS,
  role: optional("text"),
  roles: orElse("texts", []),
  scopes: orElse("texts", []),
  approvedScopes: optional("texts"),
  approvedVia: optional("text"),
  createdAtMs: orElse("time", 0),
  approvedAtMs: optional("time"),
  lastSeenAtMs: optional("time"),
  lastSeenReason: optional("text"),
  connected: optional("flag"),
  /** The admin's name for the device in the spec and older gateways. */
  label: optional("text"),
  /** Where the real gateway keeps `device.pair.rename` (observed on 2026.9.6). */
  operatorLabel: optional("text"),
  remoteIp: optional("text"),
  tokens: recordsOf(TOKEN_FIELDS, "role"),
};

const RESOLVED_FIELDS = {
  requestId: required("id"),
  deviceId: orElse("text", ""),
  decision: required("text"),
  ts: orElse("time", 0),
};

/** What `device.token.rotate` and `device.token.revoke` answer besides the token itself. */
const TOKEN_CHANGE_FIELDS = {
  scopes: optional("texts"),
  rotatedAtMs: optional("time"),
  revokedAtMs: optional("time"),
};

export type DeviceTokenSummary = RecordOf<typeof TOKEN_FIELDS>;
export type PendingRequest = RecordOf<typeof PENDING_FIELDS>;
export type PairedDevice = RecordOf<typeof PAIRED_FIELDS>;
export type PairResolved = RecordOf<typeof RESOLVED_FIELDS>;
export type PairList = { pending: PendingRequest[]; paired: PairedDevice[] };

export const readPendingRequest = reader(PENDING_FIELDS);
export const readPairedDevice = reader(PAIRED_FIELDS);
export const readResolved = reader(RESOLVED_FIELDS);
export const readTokenChange = reader(TOKEN_CHANGE_FIELDS);

/** `read`, refusing a second record with the same `key`: a list names each thing once. */
function once<T extends object>(read: Read<T>, key: keyof T): Read<T> {
  const seen = new Set<unknown>();
  return (value, fault) => {
    const item = read(value, fault);
    if (item === undefined || seen.has(item[key])) return undefined;
    seen.add(item[key]);
    return item;
  };
}

export function listReader<P extends object, D extends object>(
  readPending: Read<P>,
  pendingKey: keyof P,
  readPaired: Read<D>,
  pairedKey: keyof D,
) {
  return (
    value: unknown,
  ): { list: { pending: P[]; paired: D[] }; unreadable: number } | undefined => {
    if (!isRecord(value) || !Array.isArray(value.pending) || !Array.isArray(value.paired)) {
      return undefined;
    }
    const pending = readEach(value.pending, once(readPending, pendingKey));
    const paired = readEach(value.paired, once(readPaired, pairedKey));
    return {
      list: { pending: pending.items, paired: paired.items },
      unreadable: pending.unreadable + paired.unreadable,
    };
  };
}

/** A `device.pair.list` answer without the items it cannot use, or undefined when unreadable. */
export const readPairList = listReader(
  readPendingRequest,
  "requestId",
  readPairedDevice,
  "deviceId",
);
