import { addressMatches, isLoopbackAddress } from "./ip-address";

// Per-connection ingress classification from the socket and the HTTP upgrade headers (spec §4).

export type HeaderBag = Record<string, string | string[] | undefined>;

export const INGRESS = {
  directLocal: "direct-local",
  directRemote: "direct-remote",
  refused: "refused",
} as const;
export type Ingress = (typeof INGRESS)[keyof typeof INGRESS];

/** A header's value, name matched case-insensitively; repeated values are joined with ", ". */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    values.push(...(Array.isArray(value) ? value : [value]));
  }
  return values.length > 0 ? values.join(", ") : undefined;
}

function isForwardingHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === "forwarded" || lower === "x-real-ip" || lower.startsWith("x-forwarded-");
}

/** `Forwarded`, `X-Real-IP` or any `X-Forwarded-*`, in any case. */
export function hasForwardingHeaders(headers: HeaderBag): boolean {
  // Checked on every socket and every connect: a plain loop, no [name, value] pairs.
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined || !isForwardingHeaderName(name)) continue;
    if (!Array.isArray(value) || value.length > 0) return true;
  }
  return false;
}

/** Whether the socket peer is one of the configured trusted proxies (addresses or CIDR blocks). */
export function isTrustedProxy(
  remoteAddress: string | undefined,
  trustedProxies: readonly string[] | undefined,
): boolean {
  return (trustedProxies ?? []).some((entry) => addressMatches(remoteAddress, entry));
}

export type IngressInput = {
  remoteAddress: string | undefined;
  headers: HeaderBag;
  trustedProxies?: readonly string[];
};

/** direct-local: loopback peer, no forwarding headers. */
export function classifyIngress({ remoteAddress, headers, trustedProxies }: IngressInput): Ingress {
  if (hasForwardingHeaders(headers)) {
    return isTrustedProxy(remoteAddress, trustedProxies) ? INGRESS.directRemote : INGRESS.refused;
  }
  return isLoopbackAddress(remoteAddress) ? INGRESS.directLocal : INGRESS.directRemote;
}
