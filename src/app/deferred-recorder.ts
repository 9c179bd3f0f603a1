import type { HistoryRecorderOptions } from "../api/history-recorder";
import { toPairEvent } from "../api/pair-events";
import type { GatewayConnection } from "../gateway/types";
import type { EventFrame, PendingRequest } from "../protocol";
import type { HistoryLoader } from "./history-loader";

// The history log must hear every pairing event from the first hello on, yet its code has no
// part in the first screen. So the events are kept from the start, the recorder's code is
// fetched on `start()` (once the first screen is shown, see AppProviders), and the kept events
// are replayed as they were seen: at the time they arrived, and with what the app knew then
// (the list drops a resolved request soon after its event, and with it the request's scopes).

/** Kept events wait at most this long for `start()`: bounds memory and the replay's delay. */
export const KEEP_AT_MOST_MS = 5000;

type Kept = {
  frame: EventFrame;
  at: number;
  pending: PendingRequest | undefined;
  own: boolean;
};

export type DeferredRecorder = {
  /** Fetches the recorder and the log (once), replays the kept events, then records live. */
  start(): void;
  stop(): void;
};

export function deferHistoryRecorder(
  connection: Pick<GatewayConnection, "onEvent">,
  history: HistoryLoader,
  options: HistoryRecorderOptions,
): DeferredRecorder {
  let kept: Kept[] = [];
  let replaying: Kept | undefined;
  let live: ((frame: EventFrame) => void) | undefined;
  let started = false;
  let stopped = false;
  let stopRecorder: (() => void) | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;

  const recorderOptions: HistoryRecorderOptions = {
    ...options,
    isOwnDecision: (id) => (replaying ? replaying.own : (options.isOwnDecision?.(id) ?? false)),
    lookupPending: (id) => (replaying ? replaying.pending : options.lookupPending?.(id)),
    now: () => replaying?.at ?? Date.now(),
  };

  const unsubscribe = connection.onEvent((frame) => {
    if (live) return live(frame);
    const event = toPairEvent(frame);
    if (!event) return;
    // Only a decision needs the app's knowledge, and only at the moment it arrives.
    const id = event.type === "resolved" ? event.resolved.requestId : undefined;
    kept.push({
      frame,
      at: Date.now(),
      pending: id === undefined ? undefined : options.lookupPending?.(id),
      own: id === undefined ? false : (options.isOwnDecision?.(id) ?? false),
    });
    if (!started) deadline ??= setTimeout(start, KEEP_AT_MOST_MS);
  });

  const feed: Pick<GatewayConnection, "onEvent"> = {
    onEvent(listener) {
      live = listener;
      return () => (live = undefined);
    },
  };

  function start() {
    if (started || stopped) return;
    started = true;
    clearTimeout(deadline);
    Promise.all([import("../api/history-recorder"), history.load()]).then(
      ([{ startHistoryRecorder }, store]) => {
        if (stopped) return;
        stopRecorder = startHistoryRecorder(feed, store, recorderOptions);
        // Synchronous, so no live event can slip in between the kept ones.
        for (const entry of kept) {
          replaying = entry;
          live?.(entry.frame);
        }
        replaying = undefined;
        kept = [];
      },
      (error: unknown) => {
        // The app's own server is unreachable: no screen that shows the log can load either.
        console.warn("history: could not load the log, so this page's events are not kept", error);
        stop();
      },
    );
  }

  function stop() {
    stopped = true;
    clearTimeout(deadline);
    unsubscribe();
    stopRecorder?.();
    kept = [];
  }

  return { start, stop };
}
