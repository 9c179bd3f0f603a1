import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readHistoryEntry } from "../../../src/api/history-types";
import { createFrameScreen } from "../../../src/gateway/frame-screen";
import {
  EVENTS,
  parseFrame,
  readPairList,
  readPendingRequest,
  readResolved,
  WIRE_LIMITS,
} from "../../../src/protocol";
import {
  hostileValue,
  pairedRecord,
  pendingRecord,
  resolvedRecord,
  storedHistoryEntry,
} from "../../support/hostile-records";

// Property-based: whatever text arrives as a frame, the frame reader and the record readers never
// throw, and everything they let through is within WIRE_LIMITS, so no renderer meets a time it
// cannot format or a string or list it cannot hold.

const SEED = 20_261_208;
const FRAMES = 10_000;

const frame = fc.oneof(
  pendingRecord().map((payload) => ({ type: "event", event: EVENTS.pairRequested, payload })),
  resolvedRecord.map((payload) => ({ type: "event", event: EVENTS.pairResolved, payload })),
  fc
    .record({
      pending: fc.array(pendingRecord(), { maxLength: 3 }),
      paired: fc.array(pairedRecord(), { maxLength: 3 }),
    })
    .map((payload) => ({ type: "res", id: "1", ok: true, payload })),
  hostileValue,
);

/** The frame as a socket would carry it: JSON, sometimes cut short or not JSON at all. */
const frameText = fc.oneof(
  { weight: 8, arbitrary: frame.map((value) => JSON.stringify(value) ?? "null") },
  {
    weight: 1,
    arbitrary: fc
      .tuple(frame, fc.nat())
      .map(([value, at]) => (JSON.stringify(value) ?? "").slice(0, at % 200)),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
);

const TIME_FIELDS = new Set([
  "ts",
  "at",
  "createdAtMs",
  "approvedAtMs",
  "lastSeenAtMs",
  "rotatedAtMs",
  "revokedAtMs",
  "lastUsedAtMs",
]);
const LIST_FIELDS = new Set(["roles", "scopes", "approvedScopes", "scopesAsked", "scopesDecided"]);

/** The first value past the limits in `record`, or undefined; fields are told apart by name. */
function pastLimits(record: Record<string, unknown>): string | undefined {
  const now = Date.now();
  for (const [field, value] of Object.entries(record)) {
    const past = TIME_FIELDS.has(field)
      ? // 0 is the readers' own stand-in for a time the gateway did not send.
        value !== 0 && !(Math.abs((value as number) - now) <= WIRE_LIMITS.timeSpanMs)
      : LIST_FIELDS.has(field)
        ? (value as unknown[]).length > WIRE_LIMITS.listItems ||
          (value as unknown[]).some((item) => typeof item !== "string")
        : field === "tokens"
          ? (value as Record<string, unknown>[]).some((token) => pastLimits(token))
          : typeof value === "string"
            ? value.length > WIRE_LIMITS.textLength
            : !["boolean", "number"].includes(typeof value);
    if (past) return `${field}: ${String(value).slice(0, 80)}`;
  }
  return undefined;
}

describe("the frame reader under 10,000 generated frames", () => {
  it("never throws, and lets through only values within the limits", async ({ annotate }) => {
    const started = performance.now();
    let events = 0;
    let lists = 0;
    const screenHooks = { unreadable: () => undefined, refused: () => undefined };
    const screen = createFrameScreen(screenHooks);
    fc.assert(
      fc.property(frameText, (text) => {
        screen.message(text, () => undefined);
        const parsed = parseFrame(text);
        if (!parsed.ok) return;
        const { frame: read } = parsed;
        if (read.type === "event") {
          events += 1;
          const record =
            read.event === EVENTS.pairRequested
              ? readPendingRequest(read.payload)
              : readResolved(read.payload);
          expect(record && pastLimits(record)).toBeUndefined();
        } else if (read.type === "res" && read.ok) {
          lists += 1;
          const list = readPairList(read.payload);
          const items = [...(list?.list.pending ?? []), ...(list?.list.paired ?? [])];
          expect(items.map(pastLimits).filter(Boolean)).toEqual([]);
        }
      }),
      { numRuns: FRAMES, seed: SEED },
    );
    expect(events + lists).toBeGreaterThan(FRAMES / 2);
    await annotate(
      `wire fuzz: ${FRAMES} frames (${events} events, ${lists} list answers) in ${Math.round(performance.now() - started)} ms, seed ${SEED}`,
    );
  }, 60_000);

  it("reads stored history entries the same way", async ({ annotate }) => {
    const started = performance.now();
    fc.assert(
      fc.property(storedHistoryEntry, fc.nat(), (entry, seq) => {
        const read = readHistoryEntry({ ...entry, seq });
        expect(read && pastLimits(read)).toBeUndefined();
      }),
      { numRuns: FRAMES, seed: SEED },
    );
    await annotate(
      `stored history fuzz: ${FRAMES} entries in ${Math.round(performance.now() - started)} ms`,
    );
  }, 60_000);
});
