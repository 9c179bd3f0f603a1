import { EVENTS } from "../../src/protocol";

// The connect.challenge event (spec §2), the one frame every accepted socket gets. Its text is
// put together from fixed pieces: on Node 20 JSON.stringify of even this small frame costs
// more than the rest of accepting a socket. The result is exactly
// JSON.stringify(buildEvent(EVENTS.connectChallenge, { nonce, ts, capabilities })) (tested).

/** What the real gateway's challenge advertises (observed); the mock offers nothing behind it. */
export const CHALLENGE_CAPABILITIES: readonly string[] = ["model-catalog-snapshot"];

const HEAD = `{"type":"event","event":${JSON.stringify(EVENTS.connectChallenge)},"payload":{"nonce":`;
const TAIL = `,"capabilities":${JSON.stringify(CHALLENGE_CAPABILITIES)}}}`;

/** As JSON writes a number: finite numbers as String() does, anything else as null. */
function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : "null";
}

/** The challenge frame's text; it carries no seq (event seq starts at 1 after hello-ok). */
export function challengeFrameText(challenge: { nonce: string; ts: number }): string {
  return `${HEAD}${JSON.stringify(challenge.nonce)},"ts":${jsonNumber(challenge.ts)}${TAIL}`;
}
