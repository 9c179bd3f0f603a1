import { bytesToBase64Url, sha256Hex } from "../protocol/encoding";

// This browser's Ed25519 identity (spec §2): a non-extractable CryptoKey kept in IndexedDB, so no
// script can read it out.

export type DeviceIdentity = {
  /** Lowercase hex SHA-256 of the raw 32-byte public key. */
  deviceId: string;
  /** Raw 32-byte public key, base64url. */
  publicKey: string;
  /** Ed25519 signature of the UTF-8 payload, base64url. */
  sign(payload: string): Promise<string>;
};

/** Where the key pair lives between visits. */
export interface DeviceKeyStore {
  load(): Promise<CryptoKeyPair | undefined>;
  save(keys: CryptoKeyPair): Promise<void>;
}

export async function generateDeviceKeys(): Promise<CryptoKeyPair> {
  const usages: KeyUsage[] = ["sign", "verify"];
  return (await crypto.subtle.generateKey({ name: "Ed25519" }, false, usages)) as CryptoKeyPair;
}

export async function identityFromKeys(keys: CryptoKeyPair): Promise<DeviceIdentity> {
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", keys.publicKey));
  const encoder = new TextEncoder();
  return {
    deviceId: await sha256Hex(raw),
    publicKey: bytesToBase64Url(raw),
    async sign(payload) {
      const signature = await crypto.subtle.sign(
        { name: "Ed25519" },
        keys.privateKey,
        encoder.encode(payload) as BufferSource,
      );
      return bytesToBase64Url(new Uint8Array(signature));
    },
  };
}

/** Loads the stored key pair, or makes and stores one on first use. */
export function createDeviceIdentityLoader(store: DeviceKeyStore): () => Promise<DeviceIdentity> {
  let loading: Promise<DeviceIdentity> | undefined;
  return () => {
    loading ??= loadOrCreate(store).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

async function loadOrCreate(store: DeviceKeyStore): Promise<DeviceIdentity> {
  if (!globalThis.crypto?.subtle) {
    throw new Error("This browser has no WebCrypto (a secure context is needed).");
  }
  let keys: CryptoKeyPair | undefined;
  try {
    keys = await store.load();
  } catch (error) {
    throw new Error("The stored device key could not be read.", { cause: error });
  }
  if (!keys) {
    try {
      keys = await generateDeviceKeys();
    } catch (error) {
      throw new Error("This browser cannot make Ed25519 keys.", { cause: error });
    }
    await store.save(keys);
  }
  return identityFromKeys(keys);
}

/** An in-memory key store: tests, and browsers where IndexedDB is unavailable. */
export function createMemoryKeyStore(): DeviceKeyStore {
  let keys: CryptoKeyPair | undefined;
  return {
    load: async () => keys,
    save: async (next) => void (keys = next),
  };
}
