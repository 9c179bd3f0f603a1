import {
  ConnectErrorDetailCodes,
  classifyGatewayConnectFailure,
  readConnectErrorDetailCode,
  readConnectPairingRequiredMessage,
  readMissingScopeErrorDetails,
  readPairingConnectErrorDetails,
} from "@openclaw/gateway-client/browser";
import {
  deviceIdentityFields,
  missingScopeFields,
  pairingProblem,
  protocolMismatchFields,
  wrongSecretFields,
} from "./problem-fields";
import type { ConnectProblem } from "./types";

// Every refusal explained in words a person can act on. Texts are built from codes and
// structured details; gateway-supplied prose is only a last resort and is always redacted.

export type ProblemContext = {
  url: string;
  /** The page's own origin: the value to add to gateway.controlUi.allowedOrigins. */
  pageOrigin: string;
  secretKind: "token" | "password";
  /** Scrubbed from every text, whatever the gateway echoed back. */
  secret?: string;
  /** The scopes this connect asked for, named when a credential does not cover them. */
  scopes?: readonly string[];
};

export type GatewayFailure = {
  code?: string;
  message?: string;
  details?: unknown;
  retryAfterMs?: number;
};

const ALLOWED_ORIGINS_SETTING = "gateway.controlUi.allowedOrigins";
const PROTOCOL_MISMATCH_MESSAGE = "protocol mismatch";

export function describeConnectFailure(
  failure: GatewayFailure,
  context: ProblemContext,
): ConnectProblem {
  const detailCode = readConnectErrorDetailCode(failure.details) ?? undefined;
  const code = [failure.code, detailCode].filter(Boolean).join(" / ") || undefined;
  const problem = (fields: Omit<ConnectProblem, "code">): ConnectProblem =>
    redactProblem(code ? { ...fields, code } : fields, context.secret);

  const pairing = readPairingConnectErrorDetails(failure.details);
  if (pairing || detailCode === ConnectErrorDetailCodes.PAIRING_REQUIRED) {
    return problem(pairingProblem(pairing?.reason, pairing?.requestId, pairing));
  }
  const missing = readMissingScopeErrorDetails(failure.details);
  if (missing) return problem(missingScopeFields(missing.missingScope));
  // 2026.4.x (protocol 3) names only the protocol it expects, with no detail code.
  if (failure.message === PROTOCOL_MISMATCH_MESSAGE) {
    return problem(protocolMismatchFields(failure.details));
  }

  switch (detailCode) {
    case ConnectErrorDetailCodes.AUTH_TOKEN_MISMATCH:
    case ConnectErrorDetailCodes.AUTH_TOKEN_MISSING:
    case ConnectErrorDetailCodes.AUTH_PASSWORD_MISMATCH:
    case ConnectErrorDetailCodes.AUTH_PASSWORD_MISSING:
    case ConnectErrorDetailCodes.AUTH_REQUIRED:
    case ConnectErrorDetailCodes.AUTH_UNAUTHORIZED:
      return problem(wrongSecretFields(context.secretKind));
    case ConnectErrorDetailCodes.AUTH_TOKEN_NOT_CONFIGURED:
    case ConnectErrorDetailCodes.AUTH_PASSWORD_NOT_CONFIGURED:
      return problem({
        kind: "wrong-secret",
        title: `This gateway does not use a ${context.secretKind}`,
        detail: `The gateway has no ${context.secretKind} configured. Switch to ${
          context.secretKind === "token" ? "Password" : "Token"
        } and connect again.`,
      });
    case ConnectErrorDetailCodes.AUTH_DEVICE_TOKEN_MISMATCH:
      return problem({
        kind: "wrong-secret",
        title: "This browser's device token is no longer valid",
        detail:
          "The gateway rotated or revoked the token it issued to this browser. Choose “Forget this gateway”, then connect again with the gateway token or password.",
      });
    case ConnectErrorDetailCodes.AUTH_RATE_LIMITED:
      return problem({
        kind: "rate-limited",
        title: "Too many failed attempts",
        detail: `The gateway is refusing new attempts for a while${
          failure.retryAfterMs ? ` (about ${Math.ceil(failure.retryAfterMs / 1000)} s)` : ""
        }. Wait, check the ${context.secretKind}, then connect again.`,
      });
    case ConnectErrorDetailCodes.CONTROL_UI_ORIGIN_NOT_ALLOWED:
      return problem({
        kind: "origin-not-allowed",
        title: "The gateway does not accept this page's origin",
        detail: `Add ${context.pageOrigin} to ${ALLOWED_ORIGINS_SETTING} in the gateway's configuration (openclaw config set ${ALLOWED_ORIGINS_SETTING} '["${context.pageOrigin}"]'). The gateway picks the change up by itself, and Pairdesk keeps trying for about 40 seconds.`,
        origin: context.pageOrigin,
      });
    case ConnectErrorDetailCodes.PROTOCOL_MISMATCH:
    case ConnectErrorDetailCodes.CLIENT_VERSION_MISMATCH:
    case ConnectErrorDetailCodes.CONTROL_UI_BUILD_MISMATCH:
      return problem(protocolMismatchFields(failure.details));
    case ConnectErrorDetailCodes.AUTH_SCOPE_MISMATCH: {
      // Only a device token is bound to scopes: the gateway does not turn this into a pairing
      // request, so the way forward is the shared secret, which may ask for more.
      const asked = context.scopes?.length ? ` (${context.scopes.join(", ")})` : "";
      return problem({
        kind: "insufficient-scope",
        title: "This browser's device token does not cover the scopes asked",
        detail: `This browser's stored device token does not cover the scopes asked${asked}. Reconnect with the shared ${context.secretKind}: choose “Forget this gateway”, then connect again with the gateway ${context.secretKind}.`,
      });
    }
  }
  if (detailCode?.startsWith("DEVICE_") || detailCode?.startsWith("CONTROL_UI_DEVICE_")) {
    return problem(deviceIdentityFields(detailCode));
  }

  const classified = classifyGatewayConnectFailure({
    details: failure.details,
    message: failure.message ?? null,
  });
  if (classified.kind === "pairing-required") {
    const legacy = readConnectPairingRequiredMessage(failure.message);
    return problem(pairingProblem(legacy?.reason, legacy?.requestId, null));
  }
  if (classified.kind === "auth-rejected") return problem(wrongSecretFields(context.secretKind));
  return problem({
    kind: "other",
    title: "The gateway refused the connection",
    detail: classified.userMessage,
  });
}

/** The socket closed without an answer to `connect` (only the close reason to go on). */
export function describeConnectClose(
  close: { code: number; reason: string; socketOpened: boolean },
  context: ProblemContext,
): ConnectProblem {
  if (!close.socketOpened) return unreachableProblem(context);
  const pairing = readConnectPairingRequiredMessage(close.reason);
  const fields = pairing
    ? pairingProblem(pairing.reason, pairing.requestId, null)
    : {
        kind: "unreachable" as const,
        title: "The gateway closed the connection",
        detail: `The connection closed before the handshake finished (${close.code}${
          close.reason ? `: ${close.reason}` : ""
        }). Check that ${context.url} is an OpenClaw gateway.`,
      };
  return redactProblem({ ...fields, code: `close ${close.code}` }, context.secret);
}

export function unreachableProblem(context: ProblemContext): ConnectProblem {
  return redactProblem(
    {
      kind: "unreachable",
      title: "Can't reach the gateway",
      detail: `Nothing answered at ${context.url}. Check that the gateway is running and that the address and port are right.`,
    },
    context.secret,
  );
}

export function deviceIdentityProblem(message: string, context: ProblemContext): ConnectProblem {
  return redactProblem(
    {
      kind: "device-identity",
      title: "This browser could not prove its identity",
      detail: `${message} Pairdesk needs WebCrypto Ed25519 and IndexedDB, on https or localhost.`,
    },
    context.secret,
  );
}

/** For a request refused with MISSING_SCOPE, and for a hello that lacks a needed scope. */
export function missingScopeProblem(scope: string): ConnectProblem {
  return { ...missingScopeFields(scope), code: "FORBIDDEN / MISSING_SCOPE" };
}

// Secrets shorter than this are not scrubbed: "•••" in place of every "a" would make the text
// unreadable, and such a short string inside ordinary words does not reveal the secret.
const MIN_REDACTED_LENGTH = 4;

function redactProblem(problem: ConnectProblem, secret: string | undefined): ConnectProblem {
  const value = secret?.trim();
  if (!value || value.length < MIN_REDACTED_LENGTH) return problem;
  const scrub = (text: string) => text.split(value).join("•••");
  const copy: ConnectProblem = {
    ...problem,
    title: scrub(problem.title),
    detail: scrub(problem.detail),
  };
  if (copy.code) copy.code = scrub(copy.code);
  if (copy.command) copy.command = scrub(copy.command);
  return copy;
}
