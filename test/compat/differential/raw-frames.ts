import { openTesterSocket, type TesterSocket } from "./socket";
import type { RawFrame } from "./vocabulary";

// Malformed and oversized frames: as the first frame of a fresh socket (after the challenge),
// or on a session that already said hello. The record is every frame the gateway answered
// with (challenges reduced to their shape) and how the socket ended.

/**
 * How long a gateway may stay silent after a frame before "no answer" is recorded. Generous:
 * the real gateway takes over half a second to cut a 25 MiB frame on a busy machine.
 */
const CLOSE_WAIT_MS = 2500;
/** hello-ok's policy.maxPayload: past it a session's frame closes the socket (1009). */
export const SESSION_LIMIT_BYTES = 25 * 1024 * 1024;
/** Reading a 25 MiB frame before cutting it took a loaded gateway longer than CLOSE_WAIT_MS. */
const OVER_LIMIT_WAIT_MS = 15_000;

function frameText(frame: RawFrame): string {
  switch (frame.kind) {
    case "text":
    case "binary":
      return frame.text;
    case "oversized":
      // A JSON string of exactly `bytes` bytes: the size decides, not the parse.
      return JSON.stringify("x".repeat(frame.bytes - 2));
    case "request":
      return JSON.stringify({
        type: "req",
        id: frame.id ?? "raw-1",
        method: frame.method,
        ...(frame.params === undefined ? {} : { params: frame.params }),
      });
  }
}

function shown(text: string): unknown {
  try {
    const frame = JSON.parse(text) as { type?: unknown; event?: unknown; payload?: unknown };
    if (frame.type === "event" && frame.event === "connect.challenge") {
      return { challenge: Object.keys((frame.payload ?? {}) as object).sort() };
    }
    return frame;
  } catch {
    return { text: text.slice(0, 200) };
  }
}

async function waitForChallenge(socket: TesterSocket): Promise<void> {
  const deadline = Date.now() + CLOSE_WAIT_MS;
  while (socket.received.length === 0 && !socket.closeInfo() && Date.now() < deadline) {
    await socket.nextActivity(deadline - Date.now());
  }
}

/** Answers (not events) that arrived after `from`: events belong to the step's observation. */
function answersSince(socket: TesterSocket, from: number): unknown[] {
  return socket.received
    .slice(from)
    .map(shown)
    .filter((frame) => (frame as { type?: unknown }).type !== "event");
}

export async function performFrame(
  url: string,
  session: TesterSocket | undefined,
  frame: RawFrame,
): Promise<unknown> {
  const socket = session ?? (await openTesterSocket(url, {}));
  if (!session) await waitForChallenge(socket);
  const from = socket.received.length;
  const text = frameText(frame);
  if (frame.kind === "binary") socket.sendBinary(text);
  else socket.send(text);
  if (!session) {
    // Every malformed first frame ends the socket; wait for that.
    await Promise.race([socket.closed, new Promise((r) => setTimeout(r, CLOSE_WAIT_MS))]);
    const record = {
      challenge: shown(socket.received[0] ?? "null"),
      answers: answersSince(socket, 1),
      close: socket.closeInfo() ?? null,
    };
    socket.terminate();
    return record;
  }
  if (frame.kind === "oversized" && frame.bytes > SESSION_LIMIT_BYTES) {
    await Promise.race([socket.closed, new Promise((r) => setTimeout(r, OVER_LIMIT_WAIT_MS))]);
  } else await socket.nextActivity(CLOSE_WAIT_MS);
  await new Promise((resolve) => setTimeout(resolve, 30));
  return { answers: answersSince(socket, from), closed: socket.closeInfo() ?? null };
}
