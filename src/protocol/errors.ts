import type { PairingReason } from "./names";

// Error codes and messages as observed on a real gateway (spec §3, §6, §7).
export const ERROR_CODES = {
  invalidRequest: "INVALID_REQUEST",
  forbidden: "FORBIDDEN",
  notPaired: "NOT_PAIRED",
  unavailable: "UNAVAILABLE",
} as const;

export const DETAIL_CODES = {
  missingScope: "MISSING_SCOPE",
  pairingRequired: "PAIRING_REQUIRED",
  authTokenMismatch: "AUTH_TOKEN_MISMATCH",
  authTokenMissing: "AUTH_TOKEN_MISSING",
  authPasswordMismatch: "AUTH_PASSWORD_MISMATCH",
  /** A device token asked for more scopes than it carries: not a pairing request (observed). */
  authScopeMismatch: "AUTH_SCOPE_MISMATCH",
  controlUiOriginNotAllowed: "CONTROL_UI_ORIGIN_NOT_ALLOWED",
  protocolMismatch: "PROTOCOL_MISMATCH",
  deviceAuthSignatureInvalid: "DEVICE_AUTH_SIGNATURE_INVALID",
  deviceAuthSignatureExpired: "DEVICE_AUTH_SIGNATURE_EXPIRED",
} as const;

export const UNKNOWN_REQUEST_ID_MESSAGE = "unknown requestId";
/** device.pair.remove / rename for a device that is not (or no longer) paired. */
export const UNKNOWN_DEVICE_ID_MESSAGE = "unknown deviceId";
/** device.token.rotate / revoke refused for any reason: INVALID_REQUEST, no details (observed). */
export const TOKEN_ROTATION_DENIED_MESSAGE = "device token rotation denied";
export const TOKEN_REVOCATION_DENIED_MESSAGE = "device token revocation denied";

export function missingScopeMessage(scope: string): string {
  return `missing scope: ${scope}`;
}

export const PAIRING_MESSAGES: Record<PairingReason, { message: string; remediationHint: string }> =
  {
    "not-paired": {
      message: "pairing required: device is not approved yet",
      remediationHint: "Approve this device from the pending pairing requests.",
    },
    "scope-upgrade": {
      message: "pairing required: device is asking for more scopes than currently approved",
      remediationHint: "Review the requested scopes, then approve the pending upgrade.",
    },
    "role-upgrade": {
      message: "pairing required: device is asking for a higher role than currently approved",
      remediationHint: "Review the requested role upgrade, then approve the pending request.",
    },
    "metadata-upgrade": {
      message: "pairing required: device identity changed and must be re-approved",
      remediationHint: "Review the refreshed device details, then approve the pending request.",
    },
  };
