import { LOCALITIES, PAIRING_REASONS, ROLES, type Locality, type PairingReason } from "../protocol";
import { AUTH_METHODS, describeAuthMethod, type AuthMethod } from "./auth-methods";
import { isControlUiClient, isNativeAppUi, isWebchatClient } from "./clients";
import { PENDING_CAUSES as CAUSES } from "./pending-causes";

// When a connect that needs pairing is approved without an owner (spec §5).

export type SilentPairingInput = {
  locality: Locality;
  reason: PairingReason;
  hasBrowserOriginHeader: boolean;
  client: { id: string; mode: string };
  authMethod: AuthMethod;
  /** `gateway.autoApproveLocal`; undefined means on. */
  autoApproveLocal?: boolean;
  isNativeAppUi?: boolean;
  /** The requested role and whether the device id already has a paired record. */
  role?: string;
  alreadyPaired?: boolean;
};

export type SilentPairingDecision = { silent: boolean; why: string };

const SCOPE_UPGRADE_AUTH: ReadonlySet<string> = new Set([
  AUTH_METHODS.token,
  AUTH_METHODS.password,
  AUTH_METHODS.none,
]);

const denied = (why: string): SilentPairingDecision => ({ silent: false, why });
const allowed = (why: string): SilentPairingDecision => ({ silent: true, why });

// A changed platform or family passes silently only where the connection proves the same machine:
// a native app on direct loopback, or a loopback client with the shared secret.
function decideMetadataUpgrade(input: SilentPairingInput, nativeApp: boolean) {
  const { client, locality } = input;
  // A browser Origin from any other client was refused before this point.
  if (
    input.hasBrowserOriginHeader ||
    isControlUiClient(client.id) ||
    isWebchatClient(client.id, client.mode)
  ) {
    return denied(CAUSES.uiIdentity);
  }
  if (locality === LOCALITIES.directLocal && nativeApp) {
    return allowed("native app on a direct loopback connection may refresh its identity");
  }
  if (
    locality === LOCALITIES.cliContainerLocal ||
    locality === LOCALITIES.sharedSecretLoopbackLocal
  ) {
    return allowed(
      `loopback client holding the shared secret (${locality}) may refresh its identity`,
    );
  }
  return denied(CAUSES.identity);
}

/** A device already paired that asks for a role other than operator always needs an owner. */
export function roleNeedsOwner(role: string | undefined, alreadyPaired: boolean | undefined) {
  return alreadyPaired === true && role !== undefined && role !== ROLES.operator;
}

export function decideSilentPairing(input: SilentPairingInput): SilentPairingDecision {
  const { client, reason, locality } = input;
  if (roleNeedsOwner(input.role, input.alreadyPaired)) {
    return denied(`${CAUSES.otherRole} (${input.role})`);
  }
  if (locality === LOCALITIES.remote) {
    return denied(CAUSES.remote);
  }
  if (
    input.hasBrowserOriginHeader &&
    !isControlUiClient(client.id) &&
    !isWebchatClient(client.id, client.mode)
  ) {
    return denied(CAUSES.origin);
  }
  if (reason === PAIRING_REASONS.metadataUpgrade) {
    // autoApproveLocal does not govern identity refreshes (spec §5).
    return decideMetadataUpgrade(
      input,
      input.isNativeAppUi ?? isNativeAppUi(client.id, client.mode),
    );
  }
  if (input.autoApproveLocal === false) {
    return denied(CAUSES.autoApproveOff);
  }
  if (reason === PAIRING_REASONS.scopeUpgrade && !SCOPE_UPGRADE_AUTH.has(input.authMethod)) {
    return denied(`${CAUSES.authMethod}: ${describeAuthMethod(input.authMethod)}`);
  }
  return allowed(`${reason} from a local connection (${locality})`);
}
