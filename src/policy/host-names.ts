import type { WireText } from "../protocol";
import { isLoopbackAddress, isPrivateOrLoopbackAddress, parseIpAddress } from "./ip-address";

// Host header and Origin host checks for the locality rules (spec §4).

/** The host name of a Host header value: lower-cased, without port or IPv6 brackets. */
export function hostNameOf(host: string | undefined): WireText {
  const text = (host ?? "").trim().toLowerCase();
  if (!text) return "";
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    return end > 0 ? text.slice(1, end) : text;
  }
  const colon = text.indexOf(":");
  if (colon < 0) return text;
  // A bare IPv6 literal ("::1") has colons but no port.
  if (text.includes(":", colon + 1) && parseIpAddress(text)) return text;
  return text.slice(0, colon);
}

/** localhost, *.localhost, 127.x, ::1 (with or without port and brackets). */
export function isLoopbackHostName(host: string | undefined): boolean {
  const name = hostNameOf(host);
  if (!name) return false;
  return name === "localhost" || name.endsWith(".localhost") || isLoopbackAddress(name);
}

/** A loopback name, or a private address literal. Named hosts other than localhost never are. */
export function isPrivateOrLoopbackHostName(host: string | undefined): boolean {
  return isLoopbackHostName(host) || isPrivateOrLoopbackAddress(hostNameOf(host));
}

/** The host name of an Origin header value; "" when it is absent, "null" or not a URL. */
export function originHostName(origin: string | undefined): WireText {
  const text = origin?.trim() ?? "";
  return URL.canParse(text) ? hostNameOf(new URL(text).hostname) : "";
}
