import type { HistoryEntry } from "../../api/history-types";

export const HISTORY_EXPORT_FORMAT = "pairdesk-history";

const CSV_COLUMNS: [string, (entry: HistoryEntry) => string | undefined][] = [
  ["time", (entry) => new Date(entry.at).toISOString()],
  ["kind", (entry) => entry.kind],
  ["device", (entry) => entry.deviceName],
  ["deviceId", (entry) => entry.deviceId],
  ["requestId", (entry) => entry.requestId],
  ["role", (entry) => entry.role],
  ["scopesAsked", (entry) => entry.scopesAsked?.join(" ")],
  ["scopesDecided", (entry) => entry.scopesDecided?.join(" ")],
  ["decidedBy", (entry) => entry.decidedBy],
  ["outcome", (entry) => entry.outcome],
  ["note", (entry) => entry.note],
];

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Oldest first, one header row, CRLF line ends (RFC 4180). */
export function historyToCsv(newestFirst: readonly HistoryEntry[]): string {
  const header = CSV_COLUMNS.map(([name]) => name);
  const rows = [...newestFirst]
    .reverse()
    .map((entry) => CSV_COLUMNS.map(([, cell]) => cell(entry)));
  return [header, ...rows]
    .map((row) => `${row.map((cell) => csvCell(cell ?? "")).join(",")}\r\n`)
    .join("");
}

export function historyToJson(newestFirst: readonly HistoryEntry[], exportedAt: number): string {
  const entries = [...newestFirst].reverse().map(({ seq: _seq, ...entry }) => ({
    ...entry,
    time: new Date(entry.at).toISOString(),
  }));
  return JSON.stringify(
    {
      format: HISTORY_EXPORT_FORMAT,
      version: 1,
      exportedAt: new Date(exportedAt).toISOString(),
      entries,
    },
    null,
    2,
  );
}

/** "pairdesk-history-2026-09-30T12-00-00.csv": sortable, and safe on every file system. */
export function exportFileName(at: number, extension: "json" | "csv"): string {
  const stamp = new Date(at).toISOString().slice(0, 19).replaceAll(":", "-");
  return `${HISTORY_EXPORT_FORMAT}-${stamp}.${extension}`;
}
