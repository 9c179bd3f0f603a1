// Random secrets and ids for the mock gateway: device token secrets (32 bytes, base64url) and
// UUIDs (challenge nonces, request ids). Random bytes come from a pool refilled 4 KiB at a
// time (one getRandomValues call costs about as much for 4 KiB as for 32 bytes), and each
// text is written with one fromCharCode call: a connect needs a nonce and, when it is paired,
// a secret, and Node's randomUUID and btoa-based encoding allocate far more than the text.

const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let poolOffset = POOL_BYTES;

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const HEX = "0123456789abcdef";
const DASH = 0x2d;
const UUID_LENGTH = 36;

/**
 * Character-code arrays by text length, written in place and reused: a text is then one
 * fromCharCode call and the string itself is the only allocation.
 */
const scratch = new Map<number, number[]>();

function codesOf(length: number): number[] {
  let codes = scratch.get(length);
  if (!codes) {
    codes = new Array<number>(length).fill(0);
    scratch.set(length, codes);
  }
  return codes;
}

/** Offset of `count` fresh random bytes in `pool`. */
function takeRandom(count: number): number {
  if (poolOffset + count > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(Math.max(POOL_BYTES, count)));
    poolOffset = 0;
  }
  const offset = poolOffset;
  poolOffset += count;
  return offset;
}

/**
 * Base64url without padding of `count` bytes of `bytes` from `start`: the same text as
 * src/protocol's bytesToBase64Url, without its binary string, btoa and regex replaces.
 */
export function base64UrlOf(bytes: Uint8Array, start: number, count: number): string {
  const codes = codesOf(Math.ceil((count * 4) / 3));
  const end = start + count;
  let written = 0;
  for (let index = start; index < end; index += 3) {
    const second = index + 1 < end;
    const third = index + 2 < end;
    const bits =
      ((bytes[index] ?? 0) << 16) |
      ((second ? (bytes[index + 1] ?? 0) : 0) << 8) |
      (third ? (bytes[index + 2] ?? 0) : 0);
    codes[written++] = BASE64URL.charCodeAt(bits >> 18);
    codes[written++] = BASE64URL.charCodeAt((bits >> 12) & 63);
    if (second) codes[written++] = BASE64URL.charCodeAt((bits >> 6) & 63);
    if (third) codes[written++] = BASE64URL.charCodeAt(bits & 63);
  }
  return String.fromCharCode(...codes);
}

/** `byteCount` random bytes as base64url without padding (a device token secret). */
export function randomBase64Url(byteCount: number): string {
  const offset = takeRandom(byteCount);
  return base64UrlOf(pool, offset, byteCount);
}

/** A random (version 4) UUID, lower-case, as crypto.randomUUID writes it. */
export function randomUuid(): string {
  const offset = takeRandom(16);
  const codes = codesOf(UUID_LENGTH);
  let written = 0;
  for (let index = 0; index < 16; index += 1) {
    let byte = pool[offset + index] ?? 0;
    // Version 4 in the high nibble of byte 6, the RFC 4122 variant (10xx) in byte 8.
    if (index === 6) byte = (byte & 0x0f) | 0x40;
    else if (index === 8) byte = (byte & 0x3f) | 0x80;
    if (index === 4 || index === 6 || index === 8 || index === 10) codes[written++] = DASH;
    codes[written++] = HEX.charCodeAt(byte >> 4);
    codes[written++] = HEX.charCodeAt(byte & 15);
  }
  return String.fromCharCode(...codes);
}
