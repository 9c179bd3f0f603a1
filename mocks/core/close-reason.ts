import { CLOSE_REASON_MAX_BYTES } from "../../src/protocol";

const encoder = new TextEncoder();

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** UTF-8 length without encoding: every close sends a reason, and most fit easily. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      // A surrogate pair is one 4-byte character; a lone surrogate is encoded as U+FFFD (3).
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Cuts a close reason to the gateway's limit (120 bytes of UTF-8) without splitting a character. */
export function truncateCloseReason(reason: string): string {
  if (utf8Length(reason) <= CLOSE_REASON_MAX_BYTES) return reason;
  let cut = "";
  for (const char of reason) {
    if (encoder.encode(cut + char).length > CLOSE_REASON_MAX_BYTES) break;
    cut += char;
  }
  return cut;
}
