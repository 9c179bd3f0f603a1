import { describe, expect, it } from "vitest";
import {
  applyPairEvents as apply,
  expiresAt,
  removePending,
  upsertPaired,
  type HeldRejections,
  type PairEvent,
} from "../../../src/api/pair-list-reducer";
import {
  PAIRING_REQUEST_TTL_MS,
  type PairList,
  type PairedDevice,
  type PendingRequest,
} from "../../../src/protocol";
import { pendingRequest as pending, T0 } from "../../support/pair-fixtures";

const requested = (request: PendingRequest): PairEvent => ({ type: "requested", request });
const resolved = (requestId: string, deviceId: string, decision: string): PairEvent => ({
  type: "resolved",
  resolved: { requestId, deviceId, decision, ts: T0 },
});

function list(...requests: PendingRequest[]): PairList {
  return { pending: requests, paired: [] };
}

const ids = (value: PairList) => value.pending.map((request) => request.requestId);

const NOBODY = new Map<string, PendingRequest | undefined>();
function applyPairEvents(before: PairList, events: PairEvent[], held?: HeldRejections) {
  return apply(before, events, NOBODY, held);
}

/** A batch, then an empty one: what the feed publishes once a rejection's next batch passed. */
function settled(before: PairList, events: PairEvent[]) {
  const first = applyPairEvents(before, events);
  const second = applyPairEvents(first.list, [], first.held);
  return { list: second.list, outcomes: [...first.outcomes, ...second.outcomes] };
}

function resolvedOutcome(request: PendingRequest, decision: string, decidedHere = false) {
  return {
    kind: "resolved",
    resolved: { requestId: request.requestId, deviceId: request.deviceId, decision, ts: T0 },
    request,
    decidedHere,
  };
}

describe("applyPairEvents", () => {
  it("adds a new request and reports it", () => {
    const a = pending("r1", "d1");
    const { list: next, outcomes } = applyPairEvents(list(), [requested(a)]);
    expect(ids(next)).toEqual(["r1"]);
    expect(outcomes).toEqual([{ kind: "requested", request: a }]);
  });

  it("refreshes a request with the same id in place without announcing it again", () => {
    const a = pending("r1", "d1");
    const refreshed = { ...a, ts: T0 + 60_000 };
    const { list: next, outcomes } = applyPairEvents(list(a), [requested(refreshed)]);
    expect(next.pending).toEqual([refreshed]);
    expect(outcomes).toEqual([]);
  });

  it("follows a device to its newest request (a retry that churns requestIds)", () => {
    const old = pending("r1", "d1");
    const newer = pending("r2", "d1", {
      ts: T0 + 1000,
      scopes: ["operator.read", "operator.write"],
    });
    const { list: next, outcomes } = applyPairEvents(list(old), [requested(newer)]);
    expect(ids(next)).toEqual(["r2"]);
    expect(outcomes).toEqual([{ kind: "superseded", previous: old, next: newer }]);
  });

  it("reads a rejection followed by a request from the same device as one supersede", () => {
    const old = pending("r1", "d1");
    const newer = pending("r2", "d1", { ts: T0 + 1000 });
    const { list: next, outcomes } = applyPairEvents(list(old), [
      resolved("r1", "d1", "rejected"),
      requested(newer),
    ]);
    expect(ids(next)).toEqual(["r2"]);
    expect(outcomes).toEqual([{ kind: "superseded", previous: old, next: newer }]);
  });

  it("reads a rejection and the same device's request in the next batch as one supersede", () => {
    const old = pending("r1", "d1");
    const newer = pending("r2", "d1", { ts: T0 + 1000 });
    const first = applyPairEvents(list(old), [resolved("r1", "d1", "rejected")]);
    expect(ids(first.list)).toEqual([]);
    expect(first.outcomes).toEqual([]);
    const second = applyPairEvents(first.list, [requested(newer)], first.held);
    expect(second.outcomes).toEqual([{ kind: "superseded", previous: old, next: newer }]);
    expect(second.held.size).toBe(0);
  });

  it("ignores a stale request event older than the device's current request", () => {
    const current = pending("r2", "d1", { ts: T0 + 5000 });
    const stale = pending("r1", "d1", { ts: T0 });
    const before = list(current);
    const update = applyPairEvents(before, [requested(stale)]);
    expect(update.list).toBe(before);
    expect(update.outcomes).toEqual([]);
  });

  it.each(["approved", "rejected"])(
    "removes a request resolved %s elsewhere and says so",
    (decision) => {
      const a = pending("r1", "d1");
      const b = pending("r2", "d2");
      const { list: next, outcomes } = settled(list(a, b), [resolved("r1", "d1", decision)]);
      expect(ids(next)).toEqual(["r2"]);
      expect(outcomes).toEqual([resolvedOutcome(a, decision)]);
    },
  );

  it("says which resolutions this tab decided", () => {
    const a = pending("r1", "d1");
    const update = apply(list(a), [resolved("r1", "d1", "approved")], new Map([["r1", undefined]]));
    expect(update.outcomes).toEqual([resolvedOutcome(a, "approved", true)]);
  });

  it("reports an approval of a request it never held (a silent one), and no such rejection", () => {
    const before = list(pending("r1", "d1"));
    const update = applyPairEvents(before, [
      resolved("zzz", "d9", "approved"),
      resolved("old", "d9", "rejected"),
    ]);
    expect(update.list).toBe(before);
    expect(update.outcomes).toEqual([
      {
        kind: "resolved",
        resolved: { requestId: "zzz", deviceId: "d9", decision: "approved", ts: T0 },
        request: undefined,
        decidedHere: false,
      },
    ]);
    expect(update.held.size).toBe(0);
  });

  it("applies a burst of a thousand events in one pass", () => {
    const events: PairEvent[] = [];
    for (let i = 0; i < 1000; i += 1) {
      events.push(requested(pending(`r${i}`, `d${i}`, { ts: T0 + i })));
      if (i % 2 === 0) events.push(resolved(`r${i}`, `d${i}`, "approved"));
    }
    const { list: next, outcomes } = settled(list(), events);
    expect(next.pending).toHaveLength(500);
    expect(outcomes.filter((o) => o.kind === "requested")).toHaveLength(1000);
    expect(outcomes.filter((o) => o.kind === "resolved")).toHaveLength(500);
  });

  it("keeps the order of the list and leaves the paired devices alone", () => {
    const paired = [{ deviceId: "d1" } as PairedDevice];
    const before: PairList = { pending: [pending("r1", "d1"), pending("r2", "d2")], paired };
    const { list: next } = applyPairEvents(before, [requested(pending("r3", "d3"))]);
    expect(ids(next)).toEqual(["r1", "r2", "r3"]);
    expect(next.paired).toBe(paired);
  });
});

describe("applyPairEvents: a device's request within a batch", () => {
  it("supersedes the device's earliest listed request, then the next one", () => {
    // Two listed requests of one device (a list read between a retry and its rejection).
    const first = pending("r1", "d1");
    const second = pending("r2", "d1");
    const other = pending("r3", "d2");
    const newer = pending("r4", "d1", { ts: T0 + 1000 });
    const newest = pending("r5", "d1", { ts: T0 + 2000 });
    const { list: next, outcomes } = applyPairEvents(list(first, second, other), [
      requested(newer),
      requested(newest),
    ]);
    expect(ids(next)).toEqual(["r3", "r4", "r5"]);
    expect(outcomes).toEqual([
      { kind: "superseded", previous: first, next: newer },
      { kind: "superseded", previous: second, next: newest },
    ]);
  });

  it("finds a device's request added or resolved earlier in the same batch", () => {
    const a = pending("r1", "d1");
    const retry = pending("r2", "d1", { ts: T0 + 1000 });
    const again = pending("r3", "d1", { ts: T0 + 2000 });
    const late = pending("r4", "d2");
    const { list: next, outcomes } = applyPairEvents(list(late), [
      requested(a),
      requested(retry),
      resolved("r4", "d2", "approved"),
      requested(again),
      requested(pending("r5", "d2")),
    ]);
    expect(ids(next)).toEqual(["r3", "r5"]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual([
      "requested",
      "superseded",
      "resolved",
      "superseded",
      "requested",
    ]);
  });
});

describe("expiry", () => {
  it("puts the earliest expiry five minutes after ts", () => {
    expect(expiresAt(pending("r1", "d1", { ts: T0 }))).toBe(T0 + PAIRING_REQUEST_TTL_MS);
  });
});

describe("own decisions", () => {
  it("removes decided requests and records the approved device", () => {
    const before = list(pending("r1", "d1"), pending("r2", "d2"));
    const after = removePending(before, ["r1"]);
    expect(ids(after)).toEqual(["r2"]);
    expect(removePending(after, ["nope"])).toBe(after);
    const device = { deviceId: "d1", scopes: ["operator.read"] } as PairedDevice;
    const stale = { deviceId: "d1", scopes: [] } as unknown as PairedDevice;
    expect(upsertPaired({ ...after, paired: [stale] }, device).paired).toEqual([device]);
  });
});
