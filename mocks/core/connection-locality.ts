import { hasForwardingHeaders, isDirectLocalClient } from "../../src/policy/ingress";
import { resolvePairingLocality, type LocalityDecision } from "../../src/policy/locality";
import type { AuthOutcome } from "./auth";
import type { LiveConnection } from "./context";

/** The socket facts every admission path hands to the locality rule (spec §4). */
export function connectionLocality(
  connection: LiveConnection,
  client: { id: string; mode: string },
  auth: Extract<AuthOutcome, { ok: true }>,
): LocalityDecision & { origin: string | undefined; isLocalClient: boolean } {
  const { headers, remoteAddress } = connection.facts;
  const origin = headers.origin?.trim() || undefined;
  const isLocalClient = isDirectLocalClient(connection.ingress, headers.host);
  const decision = resolvePairingLocality({
    isLocalClient,
    remoteAddress,
    requestHost: headers.host,
    requestOrigin: origin,
    hasProxyHeaders: hasForwardingHeaders(headers),
    hasBrowserOriginHeader: origin !== undefined,
    client,
    authMethod: auth.method,
    sharedAuthOk: auth.sharedSecretOk,
  });
  // A literal rather than a spread: every connect asks this, and the spread costs more
  // than the rule itself.
  return { locality: decision.locality, why: decision.why, origin, isLocalClient };
}
