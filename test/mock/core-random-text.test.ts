import { describe, expect, it } from "vitest";
import { base64UrlOf, randomBase64Url, randomUuid } from "../../mocks/core/random-text";
import { newSecret } from "../../mocks/core/tokens";
import { base64UrlToBytes, bytesToBase64Url } from "../../src/protocol/encoding";

// Token secrets and UUIDs written from the random pool must look exactly like the ones
// bytesToBase64Url and crypto.randomUUID write.

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("base64UrlOf", () => {
  it.each(Array.from({ length: 41 }, (_, length) => length))(
    "writes %i bytes as bytesToBase64Url does",
    (length) => {
      const bytes = crypto.getRandomValues(new Uint8Array(length + 5));
      const expected = bytesToBase64Url(bytes.subarray(2, 2 + length));
      expect(base64UrlOf(bytes, 2, length)).toBe(expected);
    },
  );

  it("covers every byte value", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, value) => value);
    expect(base64UrlOf(bytes, 0, 256)).toBe(bytesToBase64Url(bytes));
  });
});

describe("random texts", () => {
  it("makes token secrets of 32 random bytes, each different", () => {
    const secrets = Array.from({ length: 500 }, () => newSecret());
    for (const secret of secrets) {
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(base64UrlToBytes(secret)?.length).toBe(32);
    }
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it("keeps making secrets across pool refills", () => {
    const lengths = new Set(Array.from({ length: 300 }, () => randomBase64Url(48).length));
    expect([...lengths]).toEqual([64]);
  });

  it("makes version 4 UUIDs, each different", () => {
    const ids = Array.from({ length: 2_000 }, () => randomUuid());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
