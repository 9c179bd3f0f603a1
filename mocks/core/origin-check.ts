import { isLoopbackHostName, hostNameOf } from "../../src/policy/host-names";
import { isPrivateOrLoopbackAddress, parseIpAddress } from "../../src/policy/ip-address";

// The gateway's browser-origin rule (observed on 2026.9.6): it applies to EVERY client that
// sends an Origin header, and to the browser Control UI and webchat even without one. The
// Origin must be listed in gateway.controlUi.allowedOrigins, be the gateway's own host when
// that host is trusted, or be a loopback origin seen on a direct-local socket.

export const ORIGIN_NOT_ALLOWED_MESSAGE =
  "origin not allowed (open the Control UI from the gateway host or allow it in gateway.controlUi.allowedOrigins)";

type ParsedOrigin = { origin: string; host: string; hostname: string };

// Only `scheme://host[:port]` with an optional trailing slash counts as an origin.
const ORIGIN_SHAPE = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]+\/?$/i;

function parseOrigin(value: string | undefined): ParsedOrigin | undefined {
  const text = value?.trim() ?? "";
  if (!text || text === "null" || !ORIGIN_SHAPE.test(text)) return undefined;
  try {
    const url = new URL(text);
    if (url.username || url.password || !url.host) return undefined;
    const origin = url.origin === "null" ? `${url.protocol}//${url.host}` : url.origin;
    return {
      origin: origin.toLowerCase(),
      host: url.host.toLowerCase(),
      hostname: hostNameOf(url.hostname),
    };
  } catch {
    return undefined;
  }
}

/** A Host the gateway trusts for "the page came from the gateway itself". */
function isTrustedSameOriginHost(host: string, isLocalClient: boolean): boolean {
  const name = hostNameOf(host);
  if (!name) return false;
  if (isLoopbackHostName(name)) return isLocalClient;
  if (parseIpAddress(name)) return isPrivateOrLoopbackAddress(name);
  return name.endsWith(".local") || name.endsWith(".ts.net");
}

/** Undefined when allowed, else the real gateway's `details.reason`. */
export function checkBrowserOrigin(params: {
  origin: string | undefined;
  host: string | undefined;
  allowedOrigins: readonly string[] | undefined;
  isLocalClient: boolean;
}): string | undefined {
  const parsed = parseOrigin(params.origin);
  if (!parsed) return "origin missing or invalid";
  const allowed = new Set(
    (params.allowedOrigins ?? []).map((entry) => entry.trim().toLowerCase()).filter(Boolean),
  );
  if (allowed.has("*") || allowed.has(parsed.origin)) return undefined;
  const host = params.host?.trim().toLowerCase() ?? "";
  if (host && parsed.host === host && isTrustedSameOriginHost(host, params.isLocalClient)) {
    return undefined;
  }
  if (params.isLocalClient && isLoopbackHostName(parsed.hostname)) return undefined;
  return "origin not allowed";
}
