import {
  ConnectErrorDetailCodes,
  type ConnectPairingRequiredReason,
} from "@openclaw/gateway-client/browser";
import { TESTED_RELEASES } from "../policy";
import { isRecord, PROTOCOL_VERSION } from "../protocol";
import type { ConnectProblem } from "./types";

// The words for each kind of refusal; connect-problems.ts decides which one applies.

export type ProblemFields = Omit<ConnectProblem, "code">;

export function missingScopeFields(scope: string): ProblemFields {
  return {
    kind: "insufficient-scope",
    title: `This browser lacks the ${scope} scope`,
    detail: `This browser is paired, but its approval does not include ${scope}. An admin must approve a scope upgrade for this device (from the Requests screen on a browser that has it, or with the openclaw CLI), then connect again.`,
    missingScope: scope,
  };
}

export function wrongSecretFields(secretKind: "token" | "password"): ProblemFields {
  return {
    kind: "wrong-secret",
    title: `The gateway did not accept this ${secretKind}`,
    detail: `Check the ${secretKind} in the gateway's configuration (gateway.auth.${secretKind}), enter it again, and connect.`,
  };
}

const PAIRING_TITLES: Record<ConnectPairingRequiredReason, string> = {
  "not-paired": "This browser needs pairing",
  "scope-upgrade": "This browser needs approval for more scopes",
  "role-upgrade": "This browser needs approval for a higher role",
  "metadata-upgrade": "This browser needs re-approval",
};

export function pairingProblem(
  reason: ConnectPairingRequiredReason | undefined,
  requestId: string | undefined,
  details: { requestedScopes?: string[]; approvedScopes?: string[] } | null,
): ProblemFields {
  const extra = (details?.requestedScopes ?? []).filter(
    (scope) => !(details?.approvedScopes ?? []).includes(scope),
  );
  const why =
    reason === "scope-upgrade" && extra.length > 0
      ? `This browser is paired, but the gateway must approve ${extra.join(", ")} first.`
      : "The gateway will not let this browser in until an admin approves it.";
  const how = requestId
    ? `Approve request ${requestId} from a browser that is already paired, or with the command below on the gateway host.`
    : "Approve the pending request from a browser that is already paired, or with `openclaw devices list` and `openclaw devices approve` on the gateway host.";
  return {
    kind: "pairing-required",
    title: PAIRING_TITLES[reason ?? "not-paired"],
    detail: `${why} ${how} Pairdesk keeps asking and connects by itself once it is approved.`,
    ...(requestId && { requestId, command: `openclaw devices approve ${requestId}` }),
  };
}

export function protocolMismatchFields(details: unknown): ProblemFields {
  const expected = isRecord(details) ? details.expectedProtocol : undefined;
  const older = typeof expected === "number" && expected < PROTOCOL_VERSION;
  const theirs = typeof expected === "number" ? `protocol v${expected}` : "a different protocol";
  return {
    kind: "protocol-mismatch",
    title: older
      ? "This gateway release is too old for Pairdesk"
      : "This gateway speaks a different protocol version",
    detail: `Pairdesk speaks gateway protocol v${PROTOCOL_VERSION}; this gateway expects ${theirs}. Pairdesk supports OpenClaw ${TESTED_RELEASES[0]} and newer (tested with ${TESTED_RELEASES.join(", ")}): ${
      older ? "update the gateway" : "update the gateway or Pairdesk so they match"
    }, then try again.`,
  };
}

const IDENTITY_REQUIRED =
  "The gateway requires a device identity, and this browser sent none. Open Pairdesk over https or on localhost so WebCrypto is available.";
const DEVICE_DETAILS: Record<string, string> = {
  [ConnectErrorDetailCodes.DEVICE_AUTH_SIGNATURE_EXPIRED]:
    "The signed proof arrived too late or too early. Check this computer's clock, then connect again.",
  [ConnectErrorDetailCodes.DEVICE_IDENTITY_REQUIRED]: IDENTITY_REQUIRED,
  [ConnectErrorDetailCodes.CONTROL_UI_DEVICE_IDENTITY_REQUIRED]: IDENTITY_REQUIRED,
};

export function deviceIdentityFields(detailCode: string): ProblemFields {
  return {
    kind: "device-identity",
    title: "The gateway rejected this browser's device identity",
    detail:
      DEVICE_DETAILS[detailCode] ??
      "The gateway could not verify this browser's signed proof. Connect again; if it keeps failing, clear this site's data to make a new device identity (it will need pairing again).",
  };
}
