import { EVENTS, parseFrame, type ErrorShape } from "../protocol";

// Decides, per socket message, whether the wire client may have it, and counts unreadable ones.

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

  // Read in full: every frame until hello (at most 64 KiB) and any later possible challenge.
  const inspect = (data: string, deliver: (data: string) => void) => {
    const parsed = parseFrame(data);
    const frame = parsed.ok ? parsed.frame : undefined;
    // A challenge after hello is a protocol violation the wire client would answer by closing.
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
      // The wire client reports activity for each frame it accepts: one that leaves none was
      // unreadable to it.
      used = false;
      deliver(data);
      if (!used) hooks.unreadable();
    },
    opened: () => void (helloSeen = false),
    hello: () => void (helloSeen = true),
    used: () => void (used = true),
  };
}

/** A challenge is a couple of hundred bytes; a frame this long is a list answer. */
export const CHALLENGE_SCAN_LIMIT = 64 * 1024;

/** False when `data` cannot spell "connect.challenge" (absent, no `\u` escape) or is too long. */
export function mayBeChallenge(data: string): boolean {
  if (data.length > CHALLENGE_SCAN_LIMIT) return false;
  return data.includes(EVENTS.connectChallenge) || (data.includes("\\") && data.includes("\\u"));
}
