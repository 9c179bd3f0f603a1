import { addressMatches, isLoopbackAddress } from "./ip-address";

// Per-connection ingress classification from the socket and the HTTP upgrade headers (spec §4).

export type HeaderBag = Record<string, string | string[] | undefined>;

export const INGRESS = {
  directLocal: "direct-local",
  directRemote: "direct-remote",
  refused: "refused",
} as const;
export type Ingress = (typeof INGRESS)[keyof typeof INGRESS];

function isForwardingHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === "forwarded" || lower === "x-real-ip" || lower.startsWith("x-forwarded-");
}

/** `Forwarded`, `X-Real-IP` or any `X-Forwarded-*`, in any case. */
export function hasForwardingHeaders(headers: HeaderBag): boolean {
  return Object.entries(headers).some(
    ([name, value]) =>
      value !== undefined &&
      isForwardingHeaderName(name) &&
      (!Array.isArray(value) || value.length > 0),
  );
}

export type IngressInput = {
  remoteAddress: string | undefined;
  headers: HeaderBag;
  trustedProxies?: readonly string[];
};

/** direct-local: loopback peer, no forwarding headers; forwarded only by a trusted proxy. */
export function classifyIngress({ remoteAddress, headers, trustedProxies }: IngressInput): Ingress {
  if (hasForwardingHeaders(headers)) {
    const trusted = (trustedProxies ?? []).some((entry) => addressMatches(remoteAddress, entry));
    return trusted ? INGRESS.directRemote : INGRESS.refused;
  }
  return isLoopbackAddress(remoteAddress) ? INGRESS.directLocal : INGRESS.directRemote;
}
