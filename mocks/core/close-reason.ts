import { CLOSE_REASON_MAX_BYTES } from "../../src/protocol";

/** Cuts a close reason to the gateway's limit (120 bytes of UTF-8) without splitting a character. */
export function truncateCloseReason(reason: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(reason).length <= CLOSE_REASON_MAX_BYTES) return reason;
  let cut = "";
  for (const char of reason) {
    if (encoder.encode(cut + char).length > CLOSE_REASON_MAX_BYTES) break;
    cut += char;
  }
  return cut;
}
