import type { GatewayConnection } from "../gateway/types";
import { DECISIONS, type PairedDevice, type PendingRequest } from "../protocol";
import { toPairEvent } from "./pair-events";
import { HISTORY_LIMIT, type HistoryStore } from "./history-store";
import { DECIDERS, HISTORY_KINDS, type Decider } from "./history-types";

// Writes every `device.pair.requested` and `device.pair.resolved` this browser sees into the
// history log. It listens to the connection on its own: the log is not server state, and the
// query cache's subscription (pair-events.ts) drops what the screens no longer need.
// What it remembers between events is bounded by constants, never by the number of events.

export type HistoryRecorderOptions = {
  /** True when this browser sent the approve/reject for `requestId` (see history-wiring.ts). */
  isOwnDecision?: (requestId: string) => boolean;
  /** A pending request this browser knew of before the recorder saw its event (the list). */
  lookupPending?: (requestId: string) => PendingRequest | undefined;
  /** The paired record of a device, where its name is found after a silent approval. */
  lookupPaired?: (deviceId: string) => PairedDevice | undefined;
  /** Calls `listener` whenever the paired records may have changed; returns an unsubscribe. */
  watchPaired?: (listener: () => void) => () => void;
  /** How many pending requests it remembers (the log holds no more): HISTORY_LIMIT by default. */
  limit?: number;
  /** When an event was seen: Date.now by default; a replay of kept events passes their time. */
  now?: () => number;
};

/**
 * The gateway answers a different ask from the same device by rejecting the old request and
 * announcing a new one, within the same connect. A rejection followed this soon by a new
 * request from the same device was the gateway's doing, not an admin's.
 */
export const SUPERSEDE_WINDOW_MS = 5000;
/** Rejections kept as possible supersedes: a supersede follows its rejection at once. */
const REJECTIONS_KEPT = 100;
/** Approvals waiting for their device's paired record to give them a name. */
const UNNAMED_KEPT = 100;
const UNNAMED_WAIT_MS = 60_000;

function deviceName(device: PendingRequest | PairedDevice | undefined): string | undefined {
  return device?.displayName ?? device?.clientId;
}

/** A Map that forgets its oldest key past `capacity`. */
function boundedSet<V>(map: Map<string, V>, key: string, value: V, capacity: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > capacity) map.delete(map.keys().next().value ?? "");
}

export function startHistoryRecorder(
  connection: Pick<GatewayConnection, "onEvent">,
  store: HistoryStore,
  options: HistoryRecorderOptions = {},
): () => void {
  const limit = options.limit ?? HISTORY_LIMIT;
  const now = options.now ?? (() => Date.now());
  // Requests announced and not yet resolved: a repeat announcement is a refresh, not a new
  // request. Expired ones are never resolved, so the oldest are dropped past `limit`.
  const pending = new Map<string, PendingRequest | undefined>();
  // deviceId → the rejection that may turn out to be a supersede.
  const recentRejections = new Map<string, { entryId: string; seenAt: number }>();
  // deviceId → approvals recorded without a name, until the paired list names the device.
  const unnamed = new Map<string, { entryIds: string[]; seenAt: number }>();

  // After a reload the log already holds requests: do not record a still-pending one twice.
  void store.ready.then(() => {
    // Oldest first, so a later decision on a request cancels its announcement.
    for (const { kind, requestId } of store.getEntries().toReversed()) {
      if (!requestId) continue;
      if (kind !== HISTORY_KINDS.requested) pending.delete(requestId);
      else if (!pending.has(requestId)) pending.set(requestId, undefined);
    }
  });

  const nameFromPaired = () => {
    if (unnamed.size === 0) return;
    const seen = now();
    for (const [deviceId, waiting] of unnamed) {
      const name = deviceName(options.lookupPaired?.(deviceId));
      if (name) waiting.entryIds.forEach((id) => store.update(id, { deviceName: name }));
      if (name || seen - waiting.seenAt > UNNAMED_WAIT_MS) unnamed.delete(deviceId);
    }
  };

  const onRequested = (request: PendingRequest) => {
    const rejection = recentRejections.get(request.deviceId);
    recentRejections.delete(request.deviceId);
    if (rejection && now() - rejection.seenAt <= SUPERSEDE_WINDOW_MS) {
      store.update(rejection.entryId, {
        kind: HISTORY_KINDS.superseded,
        decidedBy: DECIDERS.automatic,
        note: `Replaced by request ${request.requestId}`,
      });
    }
    const refresh = pending.has(request.requestId);
    boundedSet(pending, request.requestId, request, limit);
    if (refresh) return;
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
    const request = pending.get(resolved.requestId) ?? options.lookupPending?.(resolved.requestId);
    pending.delete(resolved.requestId);
    const approved = resolved.decision === DECISIONS.approved;
    const decidedBy: Decider = options.isOwnDecision?.(resolved.requestId)
      ? DECIDERS.thisBrowser
      : // A silent approval is announced without a request; a silent request is automatic too.
        !request || request.silent
        ? DECIDERS.automatic
        : DECIDERS.anotherAdmin;
    const deviceId = resolved.deviceId || request?.deviceId || "";
    // No request seen (a silent approval): the paired record may name the device, now or
    // once the list is read again after the approval.
    const name = deviceName(request) ?? deviceName(options.lookupPaired?.(deviceId));
    const entry = store.record({
      at: resolved.ts || now(),
      kind: approved ? HISTORY_KINDS.approved : HISTORY_KINDS.rejected,
      deviceId,
      deviceName: name,
      requestId: resolved.requestId,
      role: request?.role,
      scopesAsked: request ? [...request.scopes] : undefined,
      scopesDecided: approved ? (request ? [...request.scopes] : undefined) : [],
      decidedBy,
    });
    const seenAt = now();
    if (!name && approved && deviceId && options.lookupPaired) {
      const entryIds = [...(unnamed.get(deviceId)?.entryIds ?? []), entry.id].slice(-10);
      boundedSet(unnamed, deviceId, { entryIds, seenAt }, UNNAMED_KEPT);
    }
    if (!approved && decidedBy === DECIDERS.anotherAdmin) {
      // Kept in the order seen, so the ones too old to be a supersede are dropped from the front.
      for (const [key, rejection] of recentRejections) {
        if (seenAt - rejection.seenAt <= SUPERSEDE_WINDOW_MS) break;
        recentRejections.delete(key);
      }
      boundedSet(recentRejections, deviceId, { entryId: entry.id, seenAt }, REJECTIONS_KEPT);
    }
  };

  const stopPaired = options.watchPaired?.(nameFromPaired);
  const stopEvents = connection.onEvent((frame) => {
    const event = toPairEvent(frame);
    if (event?.type === "requested") onRequested(event.request);
    else if (event?.type === "resolved") onResolved(event.resolved);
  });
  return () => {
    stopEvents();
    stopPaired?.();
  };
}
