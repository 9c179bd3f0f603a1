import { PAIRING_REASONS, type PairedDevice, type PairingReason } from "../protocol";
import { approvedScopesOf, liveApprovedRoles, normalizeDeviceMetadata } from "./approved-access";
import { scopesSatisfy } from "./scopes";

// Why a connect needs pairing, if it does (spec §5). Checked in the spec's order.

export const PAIRING_NOT_NEEDED = "none";
export type PairingNeed = PairingReason | typeof PAIRING_NOT_NEEDED;

export type PairingAsk = {
  role: string;
  scopes: readonly string[];
  platform?: string;
  deviceFamily?: string;
  publicKey?: string;
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

// An absent or blank pinned value pins nothing.
function metadataChanged(pinned: string | undefined, claimed: string | undefined): boolean {
  const pin = normalizeDeviceMetadata(pinned);
  return pin !== "" && pin !== normalizeDeviceMetadata(claimed);
}

/** `paired` is the record stored for the connecting device id (undefined when there is none). */
export function pairingReason(paired: PairedForReason | undefined, ask: PairingAsk): PairingNeed {
  // A different key under the same device id is a different device.
  if (!paired || (ask.publicKey !== undefined && ask.publicKey !== paired.publicKey)) {
    return PAIRING_REASONS.notPaired;
  }
  if (!liveApprovedRoles(paired).includes(ask.role.trim())) {
    return PAIRING_REASONS.roleUpgrade;
  }
  if (!scopesSatisfy(approvedScopesOf(paired), ask.scopes)) {
    return PAIRING_REASONS.scopeUpgrade;
  }
  if (
    metadataChanged(paired.platform, ask.platform) ||
    metadataChanged(paired.deviceFamily, ask.deviceFamily)
  ) {
    return PAIRING_REASONS.metadataUpgrade;
  }
  return PAIRING_NOT_NEEDED;
}
