import { buildDeviceAuthPayloadV3 } from "@openclaw/gateway-client/browser";
import { ConnectErrorDetailCodes as Codes } from "@openclaw/gateway-protocol/connect-error-details";
import { base64UrlToBytes, sha256Hex, utf8Bytes } from "../../src/protocol/encoding";

// Verifies the Ed25519 device proof of a connect (spec §2) with WebCrypto only.

export type DeviceBlock = {
  id: string;
  publicKey: string;
  signature: string;
  signedAt: number;
  nonce: string;
};

export type ProofInput = {
  device: DeviceBlock;
  challenge: { nonce: string; ts: number };
  /** The gateway's clock: signedAt may be this far off either way (SIGNED_AT_SKEW_MS). */
  now: number;
  clientId: string;
  clientMode: string;
  role: string;
  scopes: string[];
  /** The credential sent in auth: the shared token, else the device token, else empty. */
  token: string;
  platform?: string;
  deviceFamily?: string;
};

export type ProofFailure = { detailCode: string; reason: string; message: string };

function fail(detailCode: string, reason: string, message: string): ProofFailure {
  return { detailCode, reason, message };
}

/** The real gateway accepts a signedAt up to two minutes from its own clock, either way. */
export const SIGNED_AT_SKEW_MS = 120_000;

/**
 * Undefined when the proof holds. Messages, reasons and order are the real gateway's: the id
 * is derived from the key first, so a key that is not 32 raw bytes reads as an identity
 * mismatch (observed), and DEVICE_AUTH_PUBLIC_KEY_INVALID is never reached.
 */
export async function verifyDeviceProof(input: ProofInput): Promise<ProofFailure | undefined> {
  const { device, challenge } = input;
  const rawKey = base64UrlToBytes(device.publicKey);
  const derivedId = rawKey?.length === 32 ? await sha256Hex(rawKey) : undefined;
  if (!rawKey || derivedId !== device.id) {
    return fail(
      Codes.DEVICE_AUTH_DEVICE_ID_MISMATCH,
      "device-id-mismatch",
      "device identity mismatch",
    );
  }
  if (
    !Number.isFinite(device.signedAt) ||
    Math.abs(input.now - device.signedAt) > SIGNED_AT_SKEW_MS
  ) {
    return fail(
      Codes.DEVICE_AUTH_SIGNATURE_EXPIRED,
      "device-signature-stale",
      "device signature expired",
    );
  }
  const nonce = device.nonce?.trim() ?? "";
  if (!nonce)
    return fail(Codes.DEVICE_AUTH_NONCE_REQUIRED, "device-nonce-missing", "device nonce required");
  if (nonce !== challenge.nonce) {
    return fail(Codes.DEVICE_AUTH_NONCE_MISMATCH, "device-nonce-mismatch", "device nonce mismatch");
  }
  const payload = buildDeviceAuthPayloadV3({
    deviceId: device.id,
    clientId: input.clientId,
    clientMode: input.clientMode,
    role: input.role,
    scopes: input.scopes,
    signedAtMs: device.signedAt,
    token: input.token,
    nonce,
    platform: input.platform,
    deviceFamily: input.deviceFamily,
  });
  const signature = base64UrlToBytes(device.signature);
  if (!signature || !(await verifyEd25519(rawKey, signature, payload))) {
    return fail(
      Codes.DEVICE_AUTH_SIGNATURE_INVALID,
      "device-signature",
      "device signature invalid",
    );
  }
  return undefined;
}

async function verifyEd25519(rawKey: Uint8Array, signature: Uint8Array, payload: string) {
  try {
    const key = await crypto.subtle.importKey(
      "raw",
      rawKey as BufferSource,
      { name: "Ed25519" },
      false,
      ["verify"],
    );
    return await crypto.subtle.verify(
      { name: "Ed25519" },
      key,
      signature as BufferSource,
      utf8Bytes(payload) as BufferSource,
    );
  } catch {
    return false;
  }
}
