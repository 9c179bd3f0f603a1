import {
  DECISIONS,
  PAIRING_REQUEST_TTL_MS,
  type PairList,
  type PairResolved,
  type PendingRequest,
} from "../protocol";

// The pure half of the live list: how `device.pair.requested` / `device.pair.resolved`
// events change a cached `device.pair.list` answer. No clock, no cache: the subscription
// in pair-events.ts feeds it batches and applies the result once.

export type PairEvent =
  { type: "requested"; request: PendingRequest } | { type: "resolved"; resolved: PairResolved };

export type PairOutcome =
  /** A request the list did not hold before. */
  | { kind: "requested"; request: PendingRequest }
  /** The same device asked again under a new requestId: the list follows it to the newest. */
  | { kind: "superseded"; previous: PendingRequest; next: PendingRequest }
  /** Resolved by someone (this tab's own decisions are filtered out by the caller). */
  | { kind: "resolved"; request: PendingRequest; decision: string }
  | { kind: "expired"; request: PendingRequest };

export type PairListUpdate = { list: PairList; outcomes: PairOutcome[]; changed: boolean };

/**
 * The earliest a request can expire: a device asking again keeps it alive without a new `ts`
 * (observed), so only the gateway knows whether it really has (see pair-events.ts).
 */
export function expiresAt(request: Pick<PendingRequest, "ts">): number {
  return request.ts + PAIRING_REQUEST_TTL_MS;
}

export function isExpired(request: Pick<PendingRequest, "ts">, now: number): boolean {
  return expiresAt(request) <= now;
}

/** Applies a batch of events in order; returns the same list object when nothing changed. */
export function applyPairEvents(list: PairList, events: readonly PairEvent[]): PairListUpdate {
  const pending = new Map(list.pending.map((request) => [request.requestId, request]));
  const outcomes: PairOutcome[] = [];
  // A superseded request is resolved "rejected" right before (or after) its successor is
  // requested; held here so the pair reads as one "superseded", not a rejection plus a new ask.
  const rejectedByDevice = new Map<string, PendingRequest>();
  let changed = false;

  for (const event of events) {
    if (event.type === "requested") {
      const next = event.request;
      const known = pending.get(next.requestId);
      if (known) {
        // A repeat connect refreshes the same request (new ts); replace it in place.
        pending.set(next.requestId, next);
        changed = true;
        continue;
      }
      const older = findByDevice(pending, next.deviceId);
      if (older && older.ts > next.ts) continue; // a stale event that arrived after a resync
      if (older) pending.delete(older.requestId);
      pending.set(next.requestId, next);
      changed = true;
      const previous = older ?? rejectedByDevice.get(next.deviceId);
      rejectedByDevice.delete(next.deviceId);
      outcomes.push(
        previous ? { kind: "superseded", previous, next } : { kind: "requested", request: next },
      );
      continue;
    }
    const { requestId, deviceId, decision } = event.resolved;
    const request = pending.get(requestId);
    if (!request) continue; // already gone: our own decision, a silent approval, or a superseded id
    pending.delete(requestId);
    changed = true;
    if (decision === DECISIONS.rejected && deviceId === request.deviceId) {
      rejectedByDevice.set(deviceId, request);
    } else {
      outcomes.push({ kind: "resolved", request, decision });
    }
  }
  for (const request of rejectedByDevice.values()) {
    outcomes.push({ kind: "resolved", request, decision: DECISIONS.rejected });
  }
  if (!changed) return { list, outcomes, changed };
  return { list: { ...list, pending: [...pending.values()] }, outcomes, changed };
}

/** Removes the given requests (a decision this tab made, or one the gateway says is gone). */
export function removePending(list: PairList, requestIds: readonly string[]): PairList {
  const gone = new Set(requestIds);
  if (!list.pending.some((request) => gone.has(request.requestId))) return list;
  return { ...list, pending: list.pending.filter((request) => !gone.has(request.requestId)) };
}

/** Records the device an approval returned, so later requests compare against fresh scopes. */
export function upsertPaired(list: PairList, device: PairList["paired"][number]): PairList {
  const others = list.paired.filter((paired) => paired.deviceId !== device.deviceId);
  return { ...list, paired: [...others, device] };
}

function findByDevice(
  pending: Map<string, PendingRequest>,
  deviceId: string,
): PendingRequest | undefined {
  for (const request of pending.values()) if (request.deviceId === deviceId) return request;
  return undefined;
}
