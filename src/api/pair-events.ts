import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { requiredContext } from "../gateway/context";
import type { GatewayConnection } from "../gateway/types";
import {
  DECISIONS,
  EVENTS,
  readPendingRequest,
  readResolved,
  type EventFrame,
  type PairList,
} from "../protocol";
import { decidedHere } from "./deciding";
import { pairListQueryKey, pairListQueryOptions } from "./pair-list";
import {
  applyPairEvents,
  expiresAt,
  type HeldRejections,
  type PairEvent,
  type PairOutcome,
} from "./pair-list-reducer";
import { scheduleFlush } from "./schedule-flush";

// The one subscription to pairing events: it patches the cached list once per frame, re-reads it
// after a reconnect or a sequence gap, and publishes what was decided to everyone else.

export type OutcomeListener = (outcomes: readonly PairOutcome[]) => void;

export type PairFeed = {
  subscribe(listener: OutcomeListener): () => void;
  start(): () => void;
};

const EXPIRY_CHECK_MS = 1000;
/** How often the list is re-read, and a request listed past its first five minutes asked about. */
export const RECHECK_MS = 30_000;

function toPairEvent(frame: EventFrame, fault: () => void): PairEvent | undefined {
  if (frame.event === EVENTS.pairRequested) {
    const request = readPendingRequest(frame.payload, fault);
    return request && { type: "requested", request };
  }
  const resolved = readResolved(frame.payload, fault);
  return resolved && { type: "resolved", resolved };
}

export function createPairFeed(
  connection: GatewayConnection,
  queryClient: QueryClient,
  now: () => number,
): PairFeed {
  const listeners = new Set<OutcomeListener>();
  const publish = (outcomes: readonly PairOutcome[]) => {
    if (outcomes.length > 0) listeners.forEach((listener) => listener(outcomes));
  };
  const cached = () => queryClient.getQueryData<PairList>(pairListQueryKey);
  const reread = () => void queryClient.invalidateQueries({ queryKey: pairListQueryKey });

  function start() {
    let queue: PairEvent[] = [];
    let held: HeldRejections = new Map();
    let cancelFlush: (() => void) | undefined;
    // An unreadable pairing event, or `device.pair.changed` (its payload is `{}`): re-read.
    let missed = false;

    const flush = () => {
      cancelFlush = undefined;
      const batch = queue;
      queue = [];
      const list = cached();
      // Before the first answer the events still count, though the answer already holds them.
      const update = applyPairEvents(
        list ?? { pending: [], paired: [] },
        batch,
        decidedHere(queryClient),
        held,
      );
      held = update.held;
      if (list && update.list !== list) queryClient.setQueryData(pairListQueryKey, update.list);
      publish(update.outcomes);
      // An approval changed a paired record that the device's next request is compared with.
      const approved = batch.some(
        (event) => event.type === "resolved" && event.resolved.decision === DECISIONS.approved,
      );
      if (approved || missed) reread();
      missed = false;
      if (held.size > 0) cancelFlush = scheduleFlush(flush);
    };
    const later = () => (cancelFlush ??= scheduleFlush(flush));

    // No event says a request expired, and events are dropped for slow consumers: re-read the
    // list past a request's expiry and every RECHECK_MS while visible, as the Control UI does.
    const recheckAt = new Map<string, number>();
    let checking = false;
    let lastRead = now();
    const visible = () => globalThis.document?.visibilityState !== "hidden";
    const sweep = async (force = visible() && now() - lastRead >= RECHECK_MS) => {
      const sweptAt = now();
      const before = cached()?.pending ?? [];
      const due = before.filter(
        (request) => (recheckAt.get(request.requestId) ?? expiresAt(request)) <= sweptAt,
      );
      if (checking || connection.status.kind !== "connected" || (!force && due.length === 0)) {
        return;
      }
      checking = true;
      lastRead = sweptAt;
      try {
        await queryClient.refetchQueries({ queryKey: pairListQueryKey, exact: true });
      } finally {
        checking = false;
      }
      const listed = new Set(cached()?.pending.map((request) => request.requestId));
      for (const id of recheckAt.keys()) if (!listed.has(id)) recheckAt.delete(id);
      for (const request of due) {
        if (listed.has(request.requestId)) recheckAt.set(request.requestId, now() + RECHECK_MS);
      }
      // Gone without an event: past its expiry it expired; sooner, its event was lost.
      const gone = before.filter((request) => !listed.has(request.requestId));
      publish(
        gone
          .filter((request) => expiresAt(request) <= now())
          .map((request) => ({ kind: "expired", request })),
      );
    };
    const expiryTimer = setInterval(() => void sweep(), EXPIRY_CHECK_MS);
    const onShown = () => void (visible() && sweep(true));
    globalThis.addEventListener?.("focus", onShown);
    globalThis.document?.addEventListener("visibilitychange", onShown);

    const stopEvents = connection.onEvent((frame) => {
      if (frame.event === EVENTS.pairChanged) {
        missed = true;
        later();
      } else if (frame.event === EVENTS.pairRequested || frame.event === EVENTS.pairResolved) {
        const event = toPairEvent(frame, () => connection.reportUnreadable());
        if (event) queue.push(event);
        else {
          connection.reportUnreadable();
          missed = true;
        }
        later();
      }
    });
    const stopResync = connection.onResync(() => {
      // Events queued before the gap or reconnect are older than the answer about to be read.
      cancelFlush?.();
      flush();
      lastRead = now();
      // Read even before a screen asks (a reload starts here before React has loaded); an
      // answer already on its way is older than this resync, so it is dropped.
      void queryClient
        .cancelQueries({ queryKey: pairListQueryKey, exact: true })
        .then(() =>
          queryClient.prefetchQuery({ ...pairListQueryOptions(connection), staleTime: 0 }),
        );
    });
    return () => {
      stopEvents();
      stopResync();
      cancelFlush?.();
      clearInterval(expiryTimer);
      globalThis.removeEventListener?.("focus", onShown);
      globalThis.document?.removeEventListener("visibilitychange", onShown);
    };
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start,
  };
}

export const [PairFeedContext, usePairFeed] = requiredContext<PairFeed>("usePairOutcomes");

export function usePairOutcomes(listener: OutcomeListener): void {
  const feed = usePairFeed();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => feed.subscribe((outcomes) => latest.current(outcomes)), [feed]);
}
