// Turns a scenario's frames into something two gateways can agree on: ids, keys and times
// become placeholders named after the scenario's own devices and the order requests appeared.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A close reason is cut at 120 bytes (observed), usually in the middle of the requestId it ends with. */
const CUT_REQUEST_ID = /\(requestId: [0-9a-f-]{1,35}$/;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Secrets compared by identity only: the same token twice gets the same placeholder. */
const SECRET_KEYS = new Set(["deviceToken", "token"]);
/** Opaque values whose content is gateway-specific; only their presence is compared. */
const OPAQUE_KEYS = new Set(["recoveryScope", "revision"]);

export class Placeholders {
  private readonly names = new Map<string, string>();
  private requests = 0;
  private tokens = 0;

  /** Names a device after its scenario label: `<device:cron>`, `<publicKey:cron>`. */
  addDevice(label: string, deviceId: string, publicKey: string): void {
    this.names.set(deviceId, `<device:${label}>`);
    this.names.set(publicKey, `<publicKey:${label}>`);
  }

  knows(value: string): boolean {
    return this.names.has(value);
  }

  /** Request ids are numbered in the order the scenario first saw them. */
  request(id: string): string {
    let name = this.names.get(id);
    if (!name) {
      this.requests += 1;
      name = `<request:${this.requests}>`;
      this.names.set(id, name);
    }
    return name;
  }

  /** Device tokens are numbered in the order first seen, so a reissue shows as a new number. */
  secret(value: string): string {
    let name = this.names.get(value);
    if (!name) {
      this.tokens += 1;
      name = `<token:${this.tokens}>`;
      this.names.set(value, name);
    }
    return name;
  }

  text(value: string, key: string | undefined): string {
    const known = this.names.get(value);
    if (known) return known;
    if (key === "requestId" && UUID.test(value)) return this.request(value);
    if (key !== undefined && SECRET_KEYS.has(key)) return this.secret(value);
    if (key !== undefined && OPAQUE_KEYS.has(key)) return "<opaque>";
    let out = value;
    for (const [raw, name] of this.names) out = out.split(raw).join(name);
    return out.replace(CUT_REQUEST_ID, "(requestId: <cut>");
  }
}

function isTimeKey(key: string | undefined): boolean {
  return key !== undefined && (key === "ts" || key.endsWith("AtMs") || key === "issuedAtMs");
}

export function normalize(value: unknown, names: Placeholders, key?: string): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return isTimeKey(key) ? "<time>" : value;
  if (typeof value === "string") return names.text(value, key);
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => normalize(item, names));
    // A list's entries are ordered by raw ids (fresh keys each run): order them by placeholder.
    if (key !== "pending" && key !== "paired") return items;
    return items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (typeof value === "object") {
    // Key order on the wire carries no meaning; sorted keys keep the diffs readable.
    const out: { [key: string]: Json } = {};
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [name, item] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (item === undefined) continue;
      out[name] = normalize(item, names, name);
    }
    return out;
  }
  return String(value);
}

/**
 * Replaces the value at each dotted path with a marker, in place on a copy. A segment is a key,
 * an array index, or `*` for every key or index at that level.
 */
export function maskPaths(value: Json, paths: readonly string[], marker: string): Json {
  const copy = JSON.parse(JSON.stringify(value)) as Json;
  const visit = (node: Json, parts: string[]): void => {
    if (node === null || typeof node !== "object") return;
    const [head, ...rest] = parts;
    if (head === undefined) return;
    const record = node as Record<string, Json>;
    const keys = head === "*" ? Object.keys(record) : head in record ? [head] : [];
    for (const key of keys) {
      if (rest.length === 0) record[key] = marker;
      else visit(record[key] ?? null, rest);
    }
  };
  for (const path of paths) visit(copy, path.split("."));
  return copy;
}
