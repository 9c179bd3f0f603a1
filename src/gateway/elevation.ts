import { isLoopbackHostName, silentScopeUpgrades } from "../policy";

// How this session can come to hold more scopes on the gateway it is connected to, measured per
// release (README "Tested releases"). Only a socket from this machine can be approved at once.

export type ElevationRoute = "at-once" | "pair-again" | "parked" | "untested";

export function elevationRoute(gatewayUrl: string, serverVersion?: string): ElevationRoute {
  if (!isLoopbackHostName(URL.canParse(gatewayUrl) ? new URL(gatewayUrl).host : "")) {
    return "parked";
  }
  const silent = silentScopeUpgrades(serverVersion);
  if (silent === undefined) return "untested";
  // A paired browser never gets more at once there, but a new local browser is paired at once.
  return silent ? "at-once" : "pair-again";
}

/** The elevation dialog's button and the sentence that says what this gateway will do. */
export function elevationWords(route: ElevationRoute, scopes: string, release = "this release") {
  const waits = `it parks a request for this browser to approve on the gateway host, and Pairdesk connects with ${scopes} by itself once it is approved.`;
  const unless = `unless its gateway.nodes.pairing.autoApproveLocal is false: then ${waits}`;
  const words: Record<ElevationRoute, string> = {
    "at-once": `Pairdesk reaches this gateway on this machine's loopback, so it grants ${scopes} at once, ${unless}`,
    "pair-again": `OpenClaw ${release} never grants a paired browser more scopes at once, even on this machine. Pairdesk therefore removes this browser's own pairing and pairs it again asking for ${scopes}, which a gateway reached on this machine's loopback does at once, ${unless}`,
    parked: `Pairdesk reaches this gateway over the network, not on this machine's loopback, so ${waits}`,
    untested: `Pairdesk has not been tested with OpenClaw ${release}: it either grants ${scopes} at once or ${waits}`,
  };
  const verb = route === "pair-again" ? "Pair this browser again with" : "Reconnect with";
  return { confirm: `${verb} ${scopes}`, note: words[route] };
}
