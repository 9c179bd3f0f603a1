import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "../../../src/api/history-types";
import {
  csvCell,
  exportFileName,
  historyToCsv,
  historyToJson,
} from "../../../src/features/history/history-export";

const AT = Date.UTC(2026, 8, 30, 12, 0, 5);

function entry(overrides: Partial<HistoryEntry>): HistoryEntry {
  return { id: "id", seq: 1, at: AT, kind: "requested", deviceId: "d".repeat(64), ...overrides };
}

describe("csvCell", () => {
  it.each([
    ["plain", '"plain"'],
    ["", '""'],
    ['say "hi"', '"say ""hi"""'],
    ["a,b", '"a,b"'],
    ["line\nbreak", '"line\nbreak"'],
    ["=SUM(A1:A2)", `"'=SUM(A1:A2)"`],
    ["+1", `"'+1"`],
    ["-2+3", `"'-2+3"`],
    ["@cmd", `"'@cmd"`],
    ["\tTab", `"'\tTab"`],
    ["\rCR", `"'\rCR"`],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ["a=b", '"a=b"'],
  ])("%j → %s", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("historyToCsv", () => {
  it("writes a header and one row per entry, oldest first, CRLF-terminated", () => {
    const csv = historyToCsv([
      entry({ id: "2", seq: 2, at: AT + 1000, kind: "approved", decidedBy: "another-admin" }),
      entry({
        id: "1",
        seq: 1,
        deviceName: 'Ada\'s, "phone"',
        requestId: "r1",
        role: "operator",
        scopesAsked: ["operator.read", "operator.write"],
      }),
    ]);
    const lines = csv.split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(lines[1]).toBe(
      `"2026-09-30T12:00:05.000Z","requested","Ada's, ""phone""","${"d".repeat(64)}","r1","operator","operator.read operator.write","","","",""`,
    );
    expect(lines[2]).toContain('"approved"');
    expect(lines[2]).toContain('"another-admin"');
  });
});

describe("historyToJson", () => {
  it("carries every entry, oldest first, with an ISO time and no storage fields", () => {
    const json = JSON.parse(
      historyToJson([entry({ id: "b", seq: 9, kind: "removed" }), entry({ id: "a", seq: 8 })], AT),
    );
    expect(json.format).toBe("pairdesk-history");
    expect(json.exportedAt).toBe("2026-09-30T12:00:05.000Z");
    expect(json.entries.map((e: HistoryEntry) => e.id)).toEqual(["a", "b"]);
    expect(json.entries[0]).not.toHaveProperty("seq");
    expect(json.entries[0].time).toBe("2026-09-30T12:00:05.000Z");
  });
});

describe("exportFileName", () => {
  it("is sortable and free of characters file systems refuse", () => {
    expect(exportFileName(AT, "csv")).toBe("pairdesk-history-2026-09-30T12-00-05.csv");
  });
});
