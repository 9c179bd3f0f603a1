// The pairing records a gateway sends, each described once by a field table: the table gives the
// TypeScript type, the check where a record enters, and what a copy fixes.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type Kinds = { id: string; text: string; time: number; flag: boolean; texts: string[] };
type Kind = keyof Kinds | "records";
/** A value that does not fit `kind` (or is missing, where required) is handed to `fix`. */
type Field<T = unknown, Required extends boolean = boolean> = {
  kind: Kind;
  required: Required;
  item?: (value: unknown) => unknown;
  fix: (value: unknown, record: Readonly<Record<string, unknown>>) => T | undefined;
};
type Table = Record<string, Field>;

const none = () => undefined;
/** Missing or unreadable: the whole record is dropped, unless `fix` finds a value. */
const required = <K extends keyof Kinds>(
  kind: K,
  fix: Field<Kinds[K]>["fix"] = none,
): Field<Kinds[K], true> => ({ kind, required: true, fix });
/** Unreadable: the field is left out. */
const optional = <K extends keyof Kinds>(kind: K): Field<Kinds[K], false> => ({
  kind,
  required: false,
  fix: none,
});
/** Missing or unreadable: the field reads as `fallback`. */
const orElse = <K extends keyof Kinds>(kind: K, fallback: Kinds[K]): Field<Kinds[K], true> => ({
  kind,
  required: true,
  fix: () => fallback,
});
/** A list of records: the unreadable ones are left out. */
function recordsOf<T extends Table>(table: T): Field<RecordOf<T>[], false> {
  const item = reader(table);
  return {
    kind: "records",
    required: false,
    item,
    fix: (value) => (Array.isArray(value) ? readEach(value, item).items : undefined),
  };
}

const isTexts = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

function fits(field: Field, value: unknown): boolean {
  switch (field.kind) {
    case "id":
      return typeof value === "string" && value !== "";
    case "text":
      return typeof value === "string";
    case "time":
      return typeof value === "number" && Number.isFinite(value);
    case "flag":
      return typeof value === "boolean";
    case "texts":
      return isTexts(value);
    case "records":
      return Array.isArray(value) && value.every((item) => field.item?.(item) === item);
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
function reader<T extends Table>(table: T): (value: unknown) => RecordOf<T> | undefined {
  const keys = Object.keys(table);
  const fields = Object.values(table);
  return (value) => {
    if (!isRecord(value)) return undefined;
    let copy: Record<string, unknown> | undefined;
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index] as string;
      const field = fields[index] as Field;
      const raw = value[key];
      if (raw === undefined ? !field.required : fits(field, raw)) continue;
      const fixed = field.fix(raw, value);
      if (fixed === undefined && field.required) return undefined;
      copy ??= { ...value };
      if (fixed === undefined) delete copy[key];
      else copy[key] = fixed;
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
  role: required("text"),
  scopes: orElse("texts", []),
  createdAtMs: orElse("time", 0),
  rotatedAtMs: optional("time"),
  revokedAtMs: optional("time"),
  lastUsedAtMs: optional("time"),
};

// A request must say which roles and scopes it asks for: it is never shown asking for less.
const PENDING_FIELDS = {
  requestId: required("id"),
  deviceId: required("id"),
  publicKey: orElse("text", ""),
  displayName: optional("text"),
  platform: optional("text"),
  deviceFamily: optional("text"),
  clientId: optional("text"),
  clientMode: optional("text"),
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

// Unreadable scope or role lists read as empty: a request from the device then shows all it
// asks for as added, erring on the side of showing more.
const PAIRED_FIELDS = {
  deviceId: required("id"),
  publicKey: orElse("text", ""),
  displayName: optional("text"),
  platform: optional("text"),
  deviceFamily: optional("text"),
  clientId: optional("text"),
  clientMode: optional("text"),
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
  tokens: recordsOf(TOKEN_FIELDS),
};

const RESOLVED_FIELDS = {
  requestId: required("id"),
  deviceId: orElse("text", ""),
  decision: required("text"),
  ts: orElse("time", 0),
};

// node.pair.list entries (observed on 2026.9.6, docs/real-gateway-admin-and-nodes.md §7).
const NODE_PENDING_FIELDS = {
  requestId: required("id"),
  nodeId: required("id"),
  displayName: optional("text"),
  platform: optional("text"),
  caps: orElse("texts", []),
  commands: orElse("texts", []),
  /** Absent on an older gateway: the screen then says the requirement is unknown. */
  requiredApproveScopes: optional("texts"),
};

const NODE_PAIRED_FIELDS = {
  nodeId: required("id"),
  displayName: optional("text"),
  platform: optional("text"),
  caps: orElse("texts", []),
  commands: orElse("texts", []),
  approvedAtMs: optional("time"),
};

// device.pair.setupCode's answer; `setupCode` holds a bootstrap credential (a secret).
const SETUP_CODE_FIELDS = {
  setupId: required("id"),
  setupCode: required("id"),
  qrDataUrl: optional("text"),
  gatewayUrl: orElse("text", ""),
  access: optional("text"),
  expiresAtMs: optional("time"),
};

/** A setup code's use: `setupStatus`'s completion / deliveryUncertain, or their events. */
const SETUP_USE_FIELDS = {
  setupId: required("id"),
  deviceId: required("id"),
  deviceName: optional("text"),
  access: optional("text"),
  ts: orElse("time", 0),
};

export type DeviceTokenSummary = RecordOf<typeof TOKEN_FIELDS>;
export type PendingRequest = RecordOf<typeof PENDING_FIELDS>;
export type PairedDevice = RecordOf<typeof PAIRED_FIELDS>;
export type PairResolved = RecordOf<typeof RESOLVED_FIELDS>;
export type PairList = { pending: PendingRequest[]; paired: PairedDevice[] };

export type NodeRequest = RecordOf<typeof NODE_PENDING_FIELDS>;
export type PairedNode = RecordOf<typeof NODE_PAIRED_FIELDS>;
export type SetupCode = RecordOf<typeof SETUP_CODE_FIELDS>;
export type SetupUse = RecordOf<typeof SETUP_USE_FIELDS>;
export type NodePairList = { pending: NodeRequest[]; paired: PairedNode[] };

export const readPendingRequest = reader(PENDING_FIELDS);
export const readPairedDevice = reader(PAIRED_FIELDS);
export const readResolved = reader(RESOLVED_FIELDS);
export const readSetupCode = reader(SETUP_CODE_FIELDS);
export const readSetupUse = reader(SETUP_USE_FIELDS);
export const readNodeRequest = reader(NODE_PENDING_FIELDS);
export const readPairedNode = reader(NODE_PAIRED_FIELDS);

function listReader<P, D>(
  readPending: (v: unknown) => P | undefined,
  readPaired: (v: unknown) => D | undefined,
) {
  return (value: unknown): { list: { pending: P[]; paired: D[] }; dropped: number } | undefined => {
    if (!isRecord(value) || !Array.isArray(value.pending) || !Array.isArray(value.paired)) {
      return undefined;
    }
    const pending = readEach(value.pending, readPending);
    const paired = readEach(value.paired, readPaired);
    return {
      list: { pending: pending.items, paired: paired.items },
      dropped: pending.dropped + paired.dropped,
    };
  };
}

/** A `device.pair.list` answer without the items it cannot use, or undefined when unreadable. */
export const readPairList = listReader(readPendingRequest, readPairedDevice);
/** The same for `node.pair.list`. */
export const readNodePairList = listReader(readNodeRequest, readPairedNode);
