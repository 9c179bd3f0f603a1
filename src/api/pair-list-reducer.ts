import type { DecidedHere } from "./deciding";
import {
  DECISIONS,
  PAIRING_REQUEST_TTL_MS,
  type PairList,
  type PairResolved,
  type PendingRequest,
} from "../protocol";

// How `device.pair.requested` / `device.pair.resolved` events change a cached
// `device.pair.list` answer, and what each batch means: the decided outcomes.

export type PairEvent =
  { type: "requested"; request: PendingRequest } | { type: "resolved"; resolved: PairResolved };

export type PairOutcome =
  | { kind: "requested"; request: PendingRequest }
  | { kind: "superseded"; previous: PendingRequest; next: PendingRequest }
  /** `request` is undefined when the list never held it (a silent approval, say). */
  | {
      kind: "resolved";
      resolved: PairResolved;
      request: PendingRequest | undefined;
      /** This tab sent the decision: its mutation reports it. */
      decidedHere: boolean;
    }
  | { kind: "expired"; request: PendingRequest };

type Resolved = Extract<PairOutcome, { kind: "resolved" }>;
/** Rejections by device, not yet known to be supersedes. */
export type HeldRejections = ReadonlyMap<string, Resolved>;

export type PairListUpdate = {
  list: PairList;
  outcomes: PairOutcome[];
  /** This batch's rejections: a supersede if the device asks again in the next batch. */
  held: HeldRejections;
};

/** The earliest a request can expire: a device asking again keeps it alive without a new `ts`. */
export function expiresAt(request: Pick<PendingRequest, "ts">): number {
  return request.ts + PAIRING_REQUEST_TTL_MS;
}

/** Applies a batch of events in order; the list is the same object when nothing changed. */
export function applyPairEvents(
  list: PairList,
  events: readonly PairEvent[],
  decidedHere: DecidedHere,
  held: HeldRejections = new Map(),
): PairListUpdate {
  const pending = new Map(list.pending.map((request) => [request.requestId, request]));
  // Each device's listed requests, oldest first.
  const byDevice = new Map<string, string[]>();
  const add = ({ deviceId, requestId }: PendingRequest) => {
    const ids = byDevice.get(deviceId);
    if (ids) ids.push(requestId);
    else byDevice.set(deviceId, [requestId]);
  };
  const unfile = ({ deviceId, requestId }: PendingRequest) => {
    const ids = byDevice.get(deviceId)?.filter((id) => id !== requestId) ?? [];
    if (ids.length > 0) byDevice.set(deviceId, ids);
    else byDevice.delete(deviceId);
  };
  pending.forEach(add);
  const outcomes: PairOutcome[] = [];
  const earlier = new Map(held);
  const rejected = new Map<string, Resolved>();
  let changed = false;

  for (const event of events) {
    if (event.type === "requested") {
      const next = event.request;
      const known = pending.get(next.requestId);
      if (known) {
        // A repeat connect refreshes the same request, in place.
        pending.set(next.requestId, next);
        if (known.deviceId !== next.deviceId) {
          unfile(known);
          add(next);
        }
        changed = true;
        continue;
      }
      const olderId = byDevice.get(next.deviceId)?.[0];
      const older = olderId === undefined ? undefined : pending.get(olderId);
      if (older && older.ts > next.ts) continue; // a stale event that arrived after a resync
      if (older) {
        pending.delete(older.requestId);
        unfile(older);
      }
      pending.set(next.requestId, next);
      add(next);
      changed = true;
      const previous =
        older ?? (rejected.get(next.deviceId) ?? earlier.get(next.deviceId))?.request;
      rejected.delete(next.deviceId);
      earlier.delete(next.deviceId);
      outcomes.push(
        previous ? { kind: "superseded", previous, next } : { kind: "requested", request: next },
      );
      continue;
    }
    const { resolved } = event;
    const listed = pending.get(resolved.requestId);
    const here = decidedHere.has(resolved.requestId);
    // Never listed and rejected: a superseded id, or a request this tab never saw.
    if (!listed && resolved.decision !== DECISIONS.approved && !here) continue;
    if (listed) {
      pending.delete(listed.requestId);
      unfile(listed);
      changed = true;
    }
    const request = listed ?? decidedHere.get(resolved.requestId);
    const outcome: Resolved = { kind: "resolved", resolved, request, decidedHere: here };
    if (listed && resolved.decision === DECISIONS.rejected) {
      const before = rejected.get(listed.deviceId);
      if (before) outcomes.push(before);
      rejected.set(listed.deviceId, outcome);
    } else outcomes.push(outcome);
  }
  outcomes.push(...earlier.values());
  return {
    list: changed ? { ...list, pending: [...pending.values()] } : list,
    outcomes,
    held: rejected,
  };
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
