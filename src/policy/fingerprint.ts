import type { WireText } from "../protocol";

// Device ids (hex SHA-256, spec §2) are too long to compare by eye: the UI shows the first 16.

const FINGERPRINT_HEX_CHARS = 16;

/** "a1b2 c3d4 e5f6 a7b8" for a device id starting a1b2c3d4e5f6a7b8…. */
export function deviceFingerprint(deviceId: string): WireText {
  const head = deviceId.trim().toLowerCase().slice(0, FINGERPRINT_HEX_CHARS);
  return (head.match(/.{1,4}/g) ?? []).join(" ");
}
