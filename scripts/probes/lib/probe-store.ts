import { execFileSync } from "node:child_process";
import type { ProbeGateway } from "./probe-gateway";

// Reads the gateway's own SQLite rows (read-only, with its Node 24 and node:sqlite) to see
// what device.pair.list leaves out, e.g. approved_scopes_json. Token values are dropped.

const READER = `
const { DatabaseSync } = require("node:sqlite");
const db = new DatabaseSync(process.argv[1], { readOnly: true });
const rows = db.prepare("select * from " + process.argv[2]).all();
process.stdout.write(JSON.stringify(rows));
`;

export type StoreRow = Record<string, unknown>;

export function readStore(gateway: ProbeGateway, table: string): StoreRow[] {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table name ${table}`);
  const text = execFileSync(gateway.node, ["-e", READER, gateway.database, table], {
    encoding: "utf8",
  });
  return (JSON.parse(text) as StoreRow[]).map(withoutSecrets);
}

/** Parses *_json columns and replaces every `token` value inside them. */
function withoutSecrets(row: StoreRow): StoreRow {
  const out: StoreRow = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.endsWith("_json") && typeof value === "string") {
      out[key.slice(0, -5)] = JSON.parse(value, (k, v: unknown) =>
        k === "token" && typeof v === "string" ? "<redacted>" : v,
      );
    } else if (/token|secret|hash|private/.test(key) && typeof value === "string") {
      out[key] = "<redacted>";
    } else out[key] = value;
  }
  return out;
}

/** The stored paired-device row of one device, or null. */
export function storedDevice(gateway: ProbeGateway, deviceId: string): StoreRow | null {
  return readStore(gateway, "device_pairing_paired").find((r) => r.device_id === deviceId) ?? null;
}
