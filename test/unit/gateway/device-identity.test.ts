import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import {
  createDeviceIdentityLoader,
  createMemoryKeyStore,
  generateDeviceKeys,
  identityFromKeys,
} from "../../../src/gateway/device-identity";
import { createIndexedDbKeyStore } from "../../../src/gateway/indexeddb-key-store";

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const decoded = Buffer.from(text, "base64url");
  const bytes = new Uint8Array(decoded.length);
  bytes.set(decoded);
  return bytes;
}

describe("device identity", () => {
  it("derives deviceId as the hex SHA-256 of the raw 32-byte public key", async () => {
    const keys = await generateDeviceKeys();
    const identity = await identityFromKeys(keys);
    const raw = new Uint8Array(await crypto.subtle.exportKey("raw", keys.publicKey));
    const digest = Buffer.from(await crypto.subtle.digest("SHA-256", raw)).toString("hex");

    expect(raw).toHaveLength(32);
    expect(fromBase64Url(identity.publicKey)).toEqual(raw);
    expect(identity.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(identity.deviceId).toBe(digest);
    expect(identity.deviceId).toMatch(/^[0-9a-f]{64}$/);
    expect((await identityFromKeys(keys)).deviceId).toBe(identity.deviceId);
  });

  it("keeps the private key non-extractable", async () => {
    const keys = await generateDeviceKeys();
    expect(keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey("pkcs8", keys.privateKey)).rejects.toThrow();
  });

  it("signs payloads that verify against the published key", async () => {
    const identity = await identityFromKeys(await generateDeviceKeys());
    const payload = "v3|device|openclaw-control-ui|webchat|operator|operator.read|1|t|n|web|";
    const signature = await identity.sign(payload);
    const publicKey = await crypto.subtle.importKey(
      "raw",
      fromBase64Url(identity.publicKey),
      { name: "Ed25519" },
      false,
      ["verify"],
    );
    const valid = await crypto.subtle.verify(
      { name: "Ed25519" },
      publicKey,
      fromBase64Url(signature),
      new TextEncoder().encode(payload),
    );
    expect(valid).toBe(true);
  });

  it("is the same identity after a reload (kept in IndexedDB)", async () => {
    const first = await createDeviceIdentityLoader(createIndexedDbKeyStore())();
    const afterReload = await createDeviceIdentityLoader(createIndexedDbKeyStore())();
    expect(afterReload.deviceId).toBe(first.deviceId);
    expect(afterReload.publicKey).toBe(first.publicKey);
  });

  it("makes one identity even when asked twice at once", async () => {
    const load = createDeviceIdentityLoader(createMemoryKeyStore());
    const [a, b] = await Promise.all([load(), load()]);
    expect(a.deviceId).toBe(b.deviceId);
  });
});
