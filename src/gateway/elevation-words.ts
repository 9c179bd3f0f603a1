import { wayBackWorks, type ElevationRoute } from "./elevation";

// What widening this session does on each route, in words; only dialogs (loaded on demand) say it.

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
  // What widening leaves on the gateway (measured on 2026.9.6).
  const kept = `The gateway keeps ${scopes} on this browser's device record: disconnecting does not take it back, and neither does rotating the token to fewer scopes (the browser may ask for them again without approval).`;
  const verb = route === "pair-again" ? "Pair this browser again with" : "Reconnect with";
  const keeps = `${kept} ${wayBackWords(route)}`;
  return { confirm: `${verb} ${scopes}`, note: words[route], keeps };
}

export function wayBackWords(route: ElevationRoute): string {
  const how =
    "The only way back is to remove this browser's pairing and connect again with the least scopes";
  return wayBackWorks(route)
    ? `${how}: this gateway pairs that at once (unless its gateway.nodes.pairing.autoApproveLocal is false), but the session closes (4001 “device removed”), the browser is paired anew and loses its label.`
    : `${how}, which then waits for approval on the gateway host, like this browser's first pairing.`;
}
