import { EVENTS, parseFrame, type ErrorShape } from "../protocol";

// Decides, per socket message, whether the wire client may have it, and notices the ones
// nobody can read. The wire client parses every frame itself, so parsing it here as well
// doubled the cost of the largest answers (a 10,000-item list is ~10 MB of JSON): once the
// handshake is done, a frame is parsed only by the wire client, and whether it was readable
// is learnt from the client's own callbacks.

export type FrameScreenHooks = {
  /** A frame that is not JSON, not a frame, or not one a gateway sends. */
  unreadable(): void;
  /** The gateway refused the handshake (the answer to `connect`). */
  refused(error: ErrorShape): void;
};

export type FrameScreen = {
  /** Passes `data` on to `deliver` (the wire client's message handler) unless it must not. */
  message(data: string, deliver: (data: string) => void): void;
  /** A new socket: its handshake starts over. */
  opened(): void;
  /** The handshake succeeded on the current socket. */
  hello(): void;
  /** The wire client took the current frame as an event or a response (its onActivity). */
  used(): void;
};

export function createFrameScreen(hooks: FrameScreenHooks): FrameScreen {
  let helloSeen = false;
  let used = false;

  // Read in full, as before: every frame until hello (capped at 64 KiB by the gateway, so
  // cheap) and any later frame that could be a connect.challenge.
  const inspect = (data: string, deliver: (data: string) => void) => {
    const parsed = parseFrame(data);
    const frame = parsed.ok ? parsed.frame : undefined;
    // A challenge after hello is a protocol violation; the wire client would answer a bad
    // one by closing a perfectly good connection.
    const lateChallenge =
      helloSeen && frame?.type === "event" && frame.event === EVENTS.connectChallenge;
    if (!frame || frame.type === "req" || lateChallenge) hooks.unreadable();
    else if (!helloSeen && frame.type === "res" && !frame.ok) hooks.refused(frame.error);
    if (!lateChallenge) deliver(data);
  };

  return {
    message(data, deliver) {
      if (!helloSeen || mayBeChallenge(data)) {
        inspect(data, deliver);
        return;
      }
      // The wire client reports activity for each event and response it accepts, before it
      // acts on it; a frame that leaves none was not JSON, not an object, a request, or an
      // event or response it found malformed.
      used = false;
      deliver(data);
      if (!used) hooks.unreadable();
    },
    opened() {
      helloSeen = false;
    },
    hello() {
      helloSeen = true;
    },
    used() {
      used = true;
    },
  };
}

/**
 * A challenge is a couple of hundred bytes; a frame this long is a list answer. Scanning a
 * 10 MB answer for the challenge's name took 10 ms of the first render; were such a frame a
 * challenge after all, the wire client closes the socket and the app connects again.
 */
export const CHALLENGE_SCAN_LIMIT = 64 * 1024;

/**
 * False when `data` cannot hold the string "connect.challenge": it is not there literally,
 * and there is no `\u` escape that could spell it (scanning for a single character first
 * keeps the common case, no escapes at all, to one fast pass); or it is too long to be one.
 */
export function mayBeChallenge(data: string): boolean {
  if (data.length > CHALLENGE_SCAN_LIMIT) return false;
  return data.includes(EVENTS.connectChallenge) || (data.includes("\\") && data.includes("\\u"));
}
