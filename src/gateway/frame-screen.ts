import { EVENTS, parseFrame, type ErrorShape } from "../protocol";

// Decides, per socket message, whether the wire client may have it, and notices the ones nobody can
// read.

export type FrameScreenHooks = {
  unreadable(): void;
  refused(error: ErrorShape): void;
};

export type FrameScreen = {
  message(data: string, deliver: (data: string) => void): void;
  opened(): void;
  hello(): void;
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

/** A challenge is a couple of hundred bytes; a frame this long is a list answer. */
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
