import { replaceEqualDeep } from "@tanstack/react-query";
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
  const devices = deviceOrder(pending);
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
        if (known.deviceId !== next.deviceId) devices.reset();
        changed = true;
        continue;
      }
      const older = devices.first(next.deviceId);
      if (older && older.ts > next.ts) continue; // a stale event that arrived after a resync
      if (older) {
        pending.delete(older.requestId);
        devices.removed(older);
      }
      pending.set(next.requestId, next);
      devices.added(next);
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
    devices.removed(request);
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

/**
 * The query's structural sharing: keeps the previous object of every request and device that
 * did not change, matched by id. The default matches by position, so one request leaving the
 * middle of the list made every later one a fresh copy, and whatever is cached per object
 * (views, name keys) was derived again for the whole list.
 */
export function sharePairList(previous: unknown, next: unknown): unknown {
  if (!isPairList(previous) || !isPairList(next)) return next;
  const pending = shareById(previous.pending, next.pending, (request) => request.requestId);
  const paired = shareById(previous.paired, next.paired, (device) => device.deviceId);
  if (pending === previous.pending && paired === previous.paired) return previous;
  return { ...next, pending, paired };
}

function isPairList(value: unknown): value is PairList {
  const list = value as Partial<PairList> | undefined;
  return Array.isArray(list?.pending) && Array.isArray(list.paired);
}

function shareById<T extends object>(before: T[], after: T[], idOf: (item: T) => string): T[] {
  if (before === after) return before;
  let byId: Map<string, T> | undefined;
  let same = before.length === after.length;
  const shared = after.map((item, index) => {
    if (before[index] === item) return item;
    byId ??= new Map(before.map((old) => [idOf(old), old]));
    const old = byId.get(idOf(item));
    const kept = old === undefined ? item : (replaceEqualDeep(old, item) as T);
    if (kept !== before[index]) same = false;
    return kept;
  });
  return same ? before : shared;
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

/**
 * The requests of each device in list order, built on first use and kept up to date by the
 * batch: a burst asks for a device's request once per event, and scanning ten thousand
 * requests per event adds up.
 */
function deviceOrder(pending: ReadonlyMap<string, PendingRequest>) {
  let byDevice: Map<string, string[]> | undefined;
  const build = () => {
    const built = new Map<string, string[]>();
    for (const { deviceId, requestId } of pending.values()) {
      const ids = built.get(deviceId);
      if (ids) ids.push(requestId);
      else built.set(deviceId, [requestId]);
    }
    return built;
  };
  return {
    /** The device's earliest listed request. */
    first(deviceId: string): PendingRequest | undefined {
      byDevice ??= build();
      const requestId = byDevice.get(deviceId)?.[0];
      return requestId === undefined ? undefined : pending.get(requestId);
    },
    /** A request appended at the end of the list. */
    added({ deviceId, requestId }: PendingRequest) {
      if (!byDevice) return;
      const ids = byDevice.get(deviceId);
      if (ids) ids.push(requestId);
      else byDevice.set(deviceId, [requestId]);
    },
    removed({ deviceId, requestId }: PendingRequest) {
      const ids = byDevice?.get(deviceId);
      const at = ids?.indexOf(requestId) ?? -1;
      if (!ids || at < 0) return;
      ids.splice(at, 1);
      if (ids.length === 0) byDevice?.delete(deviceId);
    },
    /** A listed request changed device (never seen, but then the order is read again). */
    reset() {
      byDevice = undefined;
    },
  };
}
