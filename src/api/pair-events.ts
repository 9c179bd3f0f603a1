import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useGatewayConnection } from "../gateway/context";
import type { GatewayConnection } from "../gateway/types";
import {
  DECISIONS,
  EVENTS,
  type EventFrame,
  type PairList,
  type PendingRequest,
} from "../protocol";
import { decisionMutationKey, type DecisionVariables } from "./decision-keys";
import { parsePendingRequest, parseResolved } from "./pair-parse";
import { applyPairEvents, expiresAt, type PairEvent, type PairOutcome } from "./pair-list-reducer";
import { pairListQueryKey } from "./pair-list-query";
import { scheduleFlush } from "./schedule-flush";

// The ONE place gateway events patch the cache. Events are queued and applied at most once
// per animation frame, so a burst of a thousand becomes a handful of cache writes.

export type PairOutcomeListener = (outcomes: PairOutcome[]) => void;

export type PairEventsOptions = {
  connection: GatewayConnection;
  queryClient: QueryClient;
  onOutcomes?: PairOutcomeListener;
  /** Injected for tests; defaults to Date.now. */
  now?: () => number;
};

/** A device.pair.* event this app reads; other events (tick, presence, …) are not its business. */
export function isPairEvent(frame: EventFrame): boolean {
  return (
    frame.event === EVENTS.pairRequested ||
    frame.event === EVENTS.pairResolved ||
    frame.event === EVENTS.pairChanged
  );
}

export function toPairEvent(frame: EventFrame): PairEvent | undefined {
  if (frame.event === EVENTS.pairRequested) {
    const request = parsePendingRequest(frame.payload);
    return request && { type: "requested", request };
  }
  if (frame.event === EVENTS.pairResolved) {
    const resolved = parseResolved(frame.payload);
    return resolved && { type: "resolved", resolved };
  }
  return undefined;
}

const EXPIRY_CHECK_MS = 1000;
/** How often a request the gateway still lists past its first five minutes is asked about. */
export const RECHECK_MS = 30_000;

export function subscribeToPairEvents(options: PairEventsOptions): () => void {
  const { connection, queryClient, onOutcomes } = options;
  const now = options.now ?? Date.now;
  let queue: PairEvent[] = [];
  let cancelFlush: (() => void) | undefined;
  // An unreadable pairing event was a request or a decision we now miss, and
  // `device.pair.changed` carries no payload at all: either way, re-read the list.
  let missedEvent = false;

  const write = (update: (list: PairList) => { list: PairList; outcomes: PairOutcome[] }) => {
    const current = queryClient.getQueryData<PairList>(pairListQueryKey);
    // Nothing cached yet: the list fetch in flight already reflects these events.
    if (!current) return;
    const { list, outcomes } = update(current);
    if (list !== current) queryClient.setQueryData(pairListQueryKey, list);
    const reported = outcomes.filter((outcome) => !isOwnDecision(queryClient, outcome));
    if (reported.length > 0) onOutcomes?.(reported);
  };

  const flush = () => {
    cancelFlush = undefined;
    const batch = queue;
    queue = [];
    const missed = missedEvent;
    missedEvent = false;
    if (batch.length > 0) write((list) => applyPairEvents(list, batch));
    const approved = batch.some(
      (event) => event.type === "resolved" && event.resolved.decision === DECISIONS.approved,
    );
    if (approved || missed) {
      // An approval (ours, another admin's, or a silent one) changed a paired record, and the
      // next request from that device is compared against it: re-read it, once per batch.
      void queryClient.invalidateQueries({ queryKey: pairListQueryKey }, { cancelRefetch: false });
    }
  };

  // The gateway sends no event when a request expires, and when a device asks again it keeps
  // the request alive but keeps its `ts` and says nothing (observed). So `ts` + five minutes is
  // only the earliest a request can expire: past it, ask the gateway, and keep whatever it
  // still lists, asking again every RECHECK_MS. A once-a-second sweep (instead of a timer aimed
  // at the next expiry) keeps working with an injected clock and with fake timers.
  const recheckAt = new Map<string, number>();
  // Walked once a second over every pending request (10,000 at times): one clock read, and
  // no map lookups while nothing is being rechecked.
  const dueAt = (request: PendingRequest) =>
    (recheckAt.size > 0 && recheckAt.get(request.requestId)) || expiresAt(request);
  let checkingExpiry = false;
  const sweepExpired = async () => {
    const before = queryClient.getQueryData<PairList>(pairListQueryKey);
    const sweptAt = now();
    const overdue = before?.pending.filter((request) => dueAt(request) <= sweptAt) ?? [];
    if (checkingExpiry || overdue.length === 0) return;
    checkingExpiry = true;
    try {
      await queryClient.refetchQueries({ queryKey: pairListQueryKey, exact: true });
    } finally {
      checkingExpiry = false;
    }
    write((current) => {
      const held = new Set(current.pending.map((request) => request.requestId));
      for (const id of recheckAt.keys()) if (!held.has(id)) recheckAt.delete(id);
      const gone: PairOutcome[] = [];
      for (const request of overdue) {
        if (held.has(request.requestId)) recheckAt.set(request.requestId, now() + RECHECK_MS);
        else gone.push({ kind: "expired", request });
      }
      return { list: current, outcomes: gone };
    });
  };
  const expiryTimer = setInterval(() => void sweepExpired(), EXPIRY_CHECK_MS);

  const stopEvents = connection.onEvent((frame) => {
    if (!isPairEvent(frame)) return;
    if (frame.event === EVENTS.pairChanged) {
      // A rename (payload `{}`): a burst of them becomes one re-read in the next flush.
      missedEvent = true;
      cancelFlush ??= scheduleFlush(flush);
      return;
    }
    const event = toPairEvent(frame);
    if (event) queue.push(event);
    else {
      connection.reportUnreadable();
      missedEvent = true;
    }
    cancelFlush ??= scheduleFlush(flush);
  });
  const stopResync = connection.onResync(() => {
    // Events queued before the gap or reconnect are older than the answer we are about to read.
    cancelFlush?.();
    flush();
    void queryClient.invalidateQueries({ queryKey: pairListQueryKey });
  });

  return () => {
    stopEvents();
    stopResync();
    cancelFlush?.();
    clearInterval(expiryTimer);
  };
}

/** The resolved event for a request this tab is deciding: the mutation reports it instead. */
function isOwnDecision(queryClient: QueryClient, outcome: PairOutcome): boolean {
  if (outcome.kind !== "resolved") return false;
  const deciding = queryClient
    .getMutationCache()
    .findAll({ mutationKey: decisionMutationKey, status: "pending" });
  return deciding.some((mutation) =>
    (mutation.state.variables as DecisionVariables | undefined)?.requestIds.includes(
      outcome.request.requestId,
    ),
  );
}

type Shared = {
  stop: () => void;
  listeners: Set<PairOutcomeListener>;
  users: number;
  clock: { now: () => number };
};
const shared = new WeakMap<QueryClient, Shared>();

/**
 * Keeps the pair list live while mounted. Safe to mount in several places (the app shell
 * for the nav badge, the approvals page for its notes): one subscription per QueryClient.
 * `now` is the app's clock (tests inject one); the latest caller that passes one wins.
 */
export function usePairEvents(onOutcomes?: PairOutcomeListener, now?: () => number): void {
  const connection = useGatewayConnection();
  const queryClient = useQueryClient();
  const listenerRef = useRef(onOutcomes);
  useEffect(() => {
    listenerRef.current = onOutcomes;
  });
  useEffect(() => {
    let entry = shared.get(queryClient);
    if (!entry) {
      const listeners = new Set<PairOutcomeListener>();
      const clock = { now: Date.now };
      const stop = subscribeToPairEvents({
        connection,
        queryClient,
        now: () => clock.now(),
        onOutcomes: (outcomes) => listeners.forEach((listener) => listener(outcomes)),
      });
      entry = { stop, listeners, users: 0, clock };
      shared.set(queryClient, entry);
    }
    if (now) entry.clock.now = now;
    const listener: PairOutcomeListener = (outcomes) => listenerRef.current?.(outcomes);
    entry.listeners.add(listener);
    entry.users += 1;
    const current = entry;
    return () => {
      current.listeners.delete(listener);
      current.users -= 1;
      if (current.users === 0) {
        current.stop();
        shared.delete(queryClient);
      }
    };
  }, [connection, queryClient, now]);
}
