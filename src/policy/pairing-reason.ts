import { PAIRING_REASONS, type PairedDevice, type PairingReason } from "../protocol";
import { approvedScopesOf, liveApprovedRoles } from "./approved-access";
import { metadataChanged } from "./request-kind";
import { scopesSatisfy } from "./scopes";

// Why a connect needs pairing, if it does (spec §5), in the order the 2026.9.6 gateway checks
// a paired device: identity details, then role, then scopes. Each is a separate request the
// gateway may approve silently before it looks at the next, so all of them are returned.

export type PairingAsk = {
  role: string;
  scopes: readonly string[];
  platform?: string;
  deviceFamily?: string;
  publicKey?: string;
  clientId?: string;
  clientMode?: string;
};

type PairedForReason = Pick<
  PairedDevice,
  | "publicKey"
  | "role"
  | "roles"
  | "scopes"
  | "approvedScopes"
  | "tokens"
  | "platform"
  | "deviceFamily"
>;

/**
 * `paired` is the record stored for the connecting device id (undefined when there is none).
 * Scopes use the gateway's role check; an empty list means no pairing is needed.
 */
export function pairingReasons(
  paired: PairedForReason | undefined,
  ask: PairingAsk,
): PairingReason[] {
  // A different key under the same device id is a different device.
  if (!paired || (ask.publicKey !== undefined && ask.publicKey !== paired.publicKey)) {
    return [PAIRING_REASONS.notPaired];
  }
  const reasons: PairingReason[] = [];
  if (metadataChanged(ask, paired)) reasons.push(PAIRING_REASONS.metadataUpgrade);
  if (!liveApprovedRoles(paired).includes(ask.role.trim())) {
    reasons.push(PAIRING_REASONS.roleUpgrade);
  }
  const approved = approvedScopesOf(paired);
  if (
    ask.scopes.length > 0 &&
    !(approved.length > 0 && scopesSatisfy(approved, ask.scopes, ask.role))
  ) {
    reasons.push(PAIRING_REASONS.scopeUpgrade);
  }
  return reasons;
}
