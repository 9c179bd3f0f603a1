import { hasForwardingHeaders, INGRESS } from "../../src/policy/ingress";
import { resolvePairingLocality, type LocalityDecision } from "../../src/policy/locality";
import type { AuthMethod } from "../../src/policy/auth-methods";
import type { LiveConnection } from "./context";

/**
 * The gateway's "local client" (locality rule 1): a loopback peer without forwarding headers,
 * whatever Host it used (observed: a loopback connect to "gateway.example" pairs silently).
 */
export function isLocalConnection(connection: Pick<LiveConnection, "ingress">): boolean {
  return connection.ingress === INGRESS.directLocal;
}

/** The socket facts every admission path hands to the locality rule (spec §4). */
export function connectionLocality(
  connection: LiveConnection,
  client: { id: string; mode: string },
  auth: { method: AuthMethod; sharedSecretOk: boolean },
): LocalityDecision & { origin: string | undefined; isLocalClient: boolean } {
  const { headers, remoteAddress } = connection.facts;
  const origin = headers.origin?.trim() || undefined;
  const isLocalClient = isLocalConnection(connection);
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
