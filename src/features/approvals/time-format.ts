import { PAIRING_REQUEST_TTL_MS } from "../../protocol";

/** "Expires in 4:05", honestly: five minutes after `ts` is the earliest a request can expire. */
export function formatExpiry(leftMs: number): string {
  if (leftMs <= 0) return "Still waiting after 5 minutes: the device asked again";
  const seconds = Math.ceil(Math.min(PAIRING_REQUEST_TTL_MS, leftMs) / 1000);
  return `Expires in ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export const EXPIRY_HINT =
  "Counted from the first ask; a device that asks again keeps its request waiting longer.";
