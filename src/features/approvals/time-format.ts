import { PAIRING_REQUEST_TTL_MS } from "../../protocol";

/** "4:05" for 245 s left; never negative, never above the five minutes a request lives. */
export function formatCountdown(leftMs: number): string {
  const clamped = Math.min(PAIRING_REQUEST_TTL_MS, Math.max(0, leftMs));
  const total = Math.ceil(clamped / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

/** The countdown, honestly: five minutes after `ts` is the earliest a request can expire. */
export function formatExpiry(leftMs: number): string {
  return leftMs > 0
    ? `Expires in ${formatCountdown(leftMs)}`
    : "Still waiting after 5 minutes: the device asked again";
}

/** A tooltip for the countdown: what it does not know. */
export const EXPIRY_HINT =
  "Counted from the first ask; a device that asks again keeps its request waiting longer.";
