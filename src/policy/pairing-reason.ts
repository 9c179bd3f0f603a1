import { PAIRING_REASONS, type PairedDevice, type PairingReason } from "../protocol";
import { approvedScopesOf, liveApprovedRoles } from "./approved-access";
import { metadataChanged } from "./request-kind";
import { scopesSatisfy } from "./scopes";

// Why a connect needs pairing (spec §5), in the gateway's order: identity details, role, scopes.
// All are returned: the gateway may approve each silently before it looks at the next.

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

/** `paired`: the record under the connecting device id, if any. [] when no pairing is needed. */
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
