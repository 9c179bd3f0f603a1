import type { HistoryEntry } from "../../api/history-types";

export const HISTORY_EXPORT_FORMAT = "pairdesk-history";

export const CSV_COLUMNS = [
  "time",
  "kind",
  "device",
  "deviceId",
  "requestId",
  "role",
  "scopesAsked",
  "scopesDecided",
  "decidedBy",
  "outcome",
  "note",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

function csvRow(entry: HistoryEntry): string[] {
  return [
    new Date(entry.at).toISOString(),
    entry.kind,
    entry.deviceName ?? "",
    entry.deviceId,
    entry.requestId ?? "",
    entry.role ?? "",
    (entry.scopesAsked ?? []).join(" "),
    (entry.scopesDecided ?? []).join(" "),
    entry.decidedBy ?? "",
    entry.outcome ?? "",
    entry.note ?? "",
  ];
}

/** Oldest first, one header row, CRLF line ends (RFC 4180). */
export function historyToCsv(newestFirst: readonly HistoryEntry[]): string {
  const rows = [[...CSV_COLUMNS], ...[...newestFirst].reverse().map(csvRow)];
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
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
