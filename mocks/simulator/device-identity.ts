import { bytesToBase64Url, sha256Hex, utf8Bytes } from "../../src/protocol/encoding";

// A simulated device's Ed25519 identity (spec §2), made with WebCrypto so it runs in Node
// and in browsers alike. The private key is non-extractable: only `sign` can use it.

export type DeviceIdentity = {
  /** Lowercase hex SHA-256 of the raw 32-byte public key. */
  deviceId: string;
  /** Raw 32-byte public key, base64url. */
  publicKey: string;
  /** Ed25519 signature of the UTF-8 payload, base64url. */
  sign(payload: string): Promise<string>;
};

export async function createDeviceIdentity(): Promise<DeviceIdentity> {
  const keys = (await crypto.subtle.generateKey({ name: "Ed25519" }, false, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", keys.publicKey));
  return {
    deviceId: await sha256Hex(raw),
    publicKey: bytesToBase64Url(raw),
    async sign(payload) {
      const signature = await crypto.subtle.sign(
        { name: "Ed25519" },
        keys.privateKey,
        utf8Bytes(payload) as BufferSource,
      );
      return bytesToBase64Url(new Uint8Array(signature));
    },
  };
}
