import { isLoopbackHostName, originHostName } from "../../src/policy/host-names";

// The Control UI / webchat browser-origin rule (spec §2): the Origin must be listed in
// gateway.controlUi.allowedOrigins, or be a loopback origin seen on a direct-local socket.

export const ORIGIN_NOT_ALLOWED_MESSAGE =
  "origin not allowed (open the Control UI from the gateway host or allow it in gateway.controlUi.allowedOrigins)";

function normalizeOrigin(value: string): string | undefined {
  try {
    return new URL(value.trim()).origin.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Undefined when allowed, else the real gateway's reason text. */
export function checkBrowserOrigin(params: {
  origin: string | undefined;
  allowedOrigins: readonly string[] | undefined;
  isLocalClient: boolean;
}): string | undefined {
  const raw = params.origin?.trim();
  const origin = raw && raw !== "null" ? normalizeOrigin(raw) : undefined;
  if (!origin) return "origin missing or invalid";
  const allowed = (params.allowedOrigins ?? []).map((entry) => entry.trim().toLowerCase());
  if (allowed.includes("*") || allowed.some((entry) => normalizeOrigin(entry) === origin)) {
    return undefined;
  }
  if (params.isLocalClient && isLoopbackHostName(originHostName(origin))) return undefined;
  return "origin not allowed";
}
