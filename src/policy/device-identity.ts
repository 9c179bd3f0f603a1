import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
} from "@openclaw/gateway-protocol/client-info";
import { LOCALITIES, ROLES, type Locality } from "../protocol";
import { AUTH_METHODS, isSharedSecretAuth, type AuthMethod } from "./auth-methods";
import { isCliClient } from "./clients";

// Connects the 2026.9.6 gateway admits without pairing a device: a local backend gateway client,
// and a device-less operator with the shared secret (its scopes cleared, bar a local CLI's).

export type LocalClientFacts = {
  client: { id: string; mode: string };
  locality: Locality;
  hasBrowserOriginHeader: boolean;
  /** The shared token or password was sent and matched. */
  sharedAuthOk: boolean;
  authMethod: AuthMethod;
};

/** A backend `gateway-client` on this host is trusted as part of the gateway: never paired. */
export function skipsLocalBackendPairing(facts: LocalClientFacts): boolean {
  const { client, locality, authMethod } = facts;
  const backend = client.id === IDS.GATEWAY_CLIENT && client.mode === MODES.BACKEND;
  const local =
    locality === LOCALITIES.directLocal || locality === LOCALITIES.sharedSecretLoopbackLocal;
  if (!backend || !local || facts.hasBrowserOriginHeader) return false;
  return (
    authMethod === AUTH_METHODS.none ||
    authMethod === AUTH_METHODS.deviceToken ||
    (facts.sharedAuthOk && isSharedSecretAuth(authMethod))
  );
}

/** A local command-line client with the shared secret keeps its scopes without a device. */
export function keepsLocalCliScopes(facts: LocalClientFacts): boolean {
  const { client, locality } = facts;
  return (
    isCliClient(client) &&
    (locality === LOCALITIES.directLocal || locality === LOCALITIES.cliContainerLocal) &&
    !facts.hasBrowserOriginHeader &&
    facts.sharedAuthOk &&
    isSharedSecretAuth(facts.authMethod)
  );
}

export type MissingDeviceDecision =
  "allow" | "control-ui-needs-device" | "unauthorized" | "device-required";

/** What a connect without a device block gets, before its credentials are judged further. */
export function decideMissingDevice(input: {
  role: string;
  /** The Control UI, the browser copilot or the TUI. */
  isOperatorUi: boolean;
  localBackend: boolean;
  sharedAuthOk: boolean;
  authOk: boolean;
  hasSharedAuth: boolean;
}): MissingDeviceDecision {
  if (input.localBackend && input.role === ROLES.operator) return "allow";
  if (input.isOperatorUi) return "control-ui-needs-device";
  if (input.role === ROLES.operator && input.sharedAuthOk) return "allow";
  if (!input.authOk && input.hasSharedAuth) return "unauthorized";
  return "device-required";
}

/** A device-less operator's scopes are cleared unless a local rule above lets it keep them. */
export function devicelessKeepsScopes(
  facts: LocalClientFacts,
  decision: MissingDeviceDecision,
): boolean {
  if (skipsLocalBackendPairing(facts) || keepsLocalCliScopes(facts)) return true;
  return decision === "allow" && !isSharedSecretAuth(facts.authMethod);
}
