import type { GatewayConnection } from "../gateway/types";
import { DECISIONS, type PendingRequest } from "../protocol";
import { toPairEvent } from "./pair-events";
import { HISTORY_LIMIT, type HistoryStore } from "./history-store";
import { DECIDERS, HISTORY_KINDS, type Decider, type HistoryEntry } from "./history-types";

// Writes every `device.pair.requested` and `device.pair.resolved` this browser sees into the
// history log. It listens to the connection on its own: the log is not server state, and the
// query cache's subscription (pair-events.ts) drops what the screens no longer need.

export type HistoryRecorderOptions = {
  /** True when this browser sent the approve/reject for `requestId` (see history-wiring.ts). */
  isOwnDecision?: (requestId: string) => boolean;
  /** A pending request this browser knew of before the recorder saw its event (the list). */
  lookupPending?: (requestId: string) => PendingRequest | undefined;
  /** How many requests it remembers (the log holds no more): HISTORY_LIMIT by default. */
  limit?: number;
};

/**
 * The gateway answers a different ask from the same device by rejecting the old request and
 * announcing a new one, within the same connect. A rejection followed this soon by a new
 * request from the same device was the gateway's doing, not an admin's.
 */
export const SUPERSEDE_WINDOW_MS = 5000;

/** The last `capacity` ids added, oldest forgotten first, each add and lookup O(1). */
function recentIds(capacity: number) {
  const ids = new Set<string>();
  let order: string[] = [];
  let oldest = 0;
  return {
    has: (id: string) => ids.has(id),
    add(id: string) {
      if (ids.has(id)) return;
      ids.add(id);
      order.push(id);
      if (ids.size > capacity) ids.delete(order[oldest++] ?? "");
      if (oldest >= capacity) {
        order = order.slice(oldest);
        oldest = 0;
      }
    },
  };
}

function deviceName(request: PendingRequest | undefined): string | undefined {
  return request?.displayName ?? request?.clientId;
}

export function startHistoryRecorder(
  connection: GatewayConnection,
  store: HistoryStore,
  options: HistoryRecorderOptions = {},
): () => void {
  const limit = options.limit ?? HISTORY_LIMIT;
  // Requests that expire are never resolved: the oldest are dropped past `limit`.
  const known = new Map<string, PendingRequest>();
  // Requests already in the log; one that fell out of the log can be recorded anew.
  const recordedRequests = recentIds(limit);
  // deviceId → the rejection that may turn out to be a supersede.
  const recentRejections = new Map<string, { entry: HistoryEntry; seenAt: number }>();
  // After a reload the log already holds requests: do not record them twice.
  void store.ready.then(() => {
    // Oldest first, so the newest are the last forgotten.
    for (const entry of store.getEntries().toReversed()) {
      if (entry.kind === HISTORY_KINDS.requested && entry.requestId) {
        recordedRequests.add(entry.requestId);
      }
    }
  });

  const onRequested = (request: PendingRequest) => {
    known.set(request.requestId, request);
    if (known.size > limit) known.delete(known.keys().next().value ?? "");
    const rejection = recentRejections.get(request.deviceId);
    recentRejections.delete(request.deviceId);
    if (rejection && Date.now() - rejection.seenAt <= SUPERSEDE_WINDOW_MS) {
      store.update(rejection.entry.id, {
        kind: HISTORY_KINDS.superseded,
        decidedBy: DECIDERS.automatic,
        note: `Replaced by request ${request.requestId}`,
      });
    }
    if (recordedRequests.has(request.requestId)) return; // a refresh of the same request
    recordedRequests.add(request.requestId);
    store.record({
      at: request.ts,
      kind: HISTORY_KINDS.requested,
      deviceId: request.deviceId,
      deviceName: deviceName(request),
      requestId: request.requestId,
      role: request.role,
      scopesAsked: [...request.scopes],
    });
  };

  const onResolved = (resolved: {
    requestId: string;
    deviceId: string;
    decision: string;
    ts: number;
  }) => {
    const request = known.get(resolved.requestId) ?? options.lookupPending?.(resolved.requestId);
    known.delete(resolved.requestId);
    const approved = resolved.decision === DECISIONS.approved;
    const decidedBy: Decider = options.isOwnDecision?.(resolved.requestId)
      ? DECIDERS.thisBrowser
      : // A silent approval is announced without a request; a silent request is automatic too.
        !request || request.silent
        ? DECIDERS.automatic
        : DECIDERS.anotherAdmin;
    const entry = store.record({
      at: resolved.ts || Date.now(),
      kind: approved ? HISTORY_KINDS.approved : HISTORY_KINDS.rejected,
      deviceId: resolved.deviceId || request?.deviceId || "",
      deviceName: deviceName(request),
      requestId: resolved.requestId,
      role: request?.role,
      scopesAsked: request ? [...request.scopes] : undefined,
      scopesDecided: approved ? (request ? [...request.scopes] : undefined) : [],
      decidedBy,
    });
    if (!approved && decidedBy === DECIDERS.anotherAdmin) {
      const seenAt = Date.now();
      // Kept in the order seen, so the ones too old to be a supersede are dropped from the front.
      for (const [deviceId, rejection] of recentRejections) {
        if (seenAt - rejection.seenAt <= SUPERSEDE_WINDOW_MS) break;
        recentRejections.delete(deviceId);
      }
      recentRejections.delete(entry.deviceId);
      recentRejections.set(entry.deviceId, { entry, seenAt });
    }
  };

  return connection.onEvent((frame) => {
    const event = toPairEvent(frame);
    if (event?.type === "requested") onRequested(event.request);
    else if (event?.type === "resolved") onResolved(event.resolved);
  });
}
