import type { WireText } from "../protocol";

// Device ids are the lowercase hex SHA-256 of the raw public key (spec §2): 64 characters,
// too long to compare by eye. The UI shows the first 16 in groups of four.

const DEVICE_ID = /^[0-9a-f]{64}$/;
const FINGERPRINT_HEX_CHARS = 16;

export function isValidDeviceId(id: string): boolean {
  return DEVICE_ID.test(id);
}

/** "a1b2 c3d4 e5f6 a7b8" for a device id starting a1b2c3d4e5f6a7b8…. */
export function deviceFingerprint(deviceId: string): WireText {
  const head = deviceId.trim().toLowerCase().slice(0, FINGERPRINT_HEX_CHARS);
  return (head.match(/.{1,4}/g) ?? []).join(" ");
}
