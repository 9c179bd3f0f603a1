import {
  ConnectErrorDetailCodes as Codes,
  resolveAuthConnectErrorDetailCode,
} from "@openclaw/gateway-protocol/connect-error-details";
import { AUTH_METHODS, type AuthMethod } from "../../src/policy/auth-methods";
import { isControlUiClient, isWebchatClient } from "../../src/policy/clients";
import { approvedScopesOf } from "../../src/policy/approved-access";
import { scopesSatisfy } from "../../src/policy/scopes";
import type { StoredPairedDevice, GatewayAuthConfig } from "./types";
import type { TokenIssuer } from "./tokens";
import type { ConnectAuth } from "./auth-read";

// Connect credentials (spec §2) in the real gateway's order: the shared token or password
// first; only when that fails, a device token (sent as deviceToken, else the token field).
// Messages, reasons and details follow the 2026.9.6 gateway's auth failures.

export type { ConnectAuth };

export type AuthOutcome =
  | {
      ok: true;
      method: AuthMethod;
      sharedSecretOk: boolean;
      /** Who issued the device token that authenticated, when one did. */
      deviceTokenIssuer?: TokenIssuer;
    }
  | { ok: false; reason: string; method: AuthMethod; sharedSecretOk: boolean };

type Client = { id: string; mode: string };

/** Trimmed and non-empty, or undefined (the gateway's reading of every credential). */
function credential(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The shared secret alone: ok, or the reason it failed (before any device token is tried). The
 * gateway takes its secret from its own field, else from the other one (observed: a password
 * sent as `token` is accepted by a password gateway, and a token sent as `password` too).
 */
export function checkSharedSecret(config: GatewayAuthConfig, auth: ConnectAuth): AuthOutcome {
  if (config.mode === "none") return { ok: true, method: AUTH_METHODS.none, sharedSecretOk: false };
  const method = config.mode === "password" ? AUTH_METHODS.password : AUTH_METHODS.token;
  const token = credential(auth.token);
  const password = credential(auth.password);
  const sent = config.mode === "password" ? (password ?? token) : (token ?? password);
  const expected = config.mode === "password" ? config.password : config.token;
  if (sent !== undefined && sent === expected) return { ok: true, method, sharedSecretOk: true };
  const reason = `${config.mode}_${sent === undefined ? "missing" : "mismatch"}`;
  return { ok: false, reason, method, sharedSecretOk: false };
}

export type DeviceTokenCheck =
  { ok: true; issuer?: TokenIssuer } | { ok: false; scopeMismatch: boolean };

/** The role's live token must match, lie within the approval and cover the asked scopes. */
export function checkDeviceToken(
  paired: StoredPairedDevice | undefined,
  role: string,
  scopes: readonly string[],
  candidate: string,
): DeviceTokenCheck {
  const summary = paired?.tokens?.find((token) => token.role === role.trim());
  const secret = paired?.tokenSecrets.find((entry) => entry.role === role.trim());
  if (!paired || !summary || !secret || summary.revokedAtMs !== undefined) {
    return { ok: false, scopeMismatch: false };
  }
  if (secret.token !== candidate) return { ok: false, scopeMismatch: false };
  const within = scopesSatisfy(approvedScopesOf(paired), summary.scopes, role);
  if (!within || !scopesSatisfy(summary.scopes, scopes, role))
    return { ok: false, scopeMismatch: true };
  return secret.issuer ? { ok: true, issuer: secret.issuer } : { ok: true };
}

/**
 * A failed shared secret, retried with the device token when the connect carries a device:
 * the explicit deviceToken, else whatever the token field holds.
 */
export function authenticateWithDeviceToken(
  shared: Extract<AuthOutcome, { ok: false }>,
  auth: ConnectAuth,
  check: (candidate: string) => DeviceTokenCheck,
): AuthOutcome {
  const explicit = credential(auth.deviceToken);
  const candidate = explicit ?? credential(auth.token);
  if (candidate === undefined) return shared;
  const result = check(candidate);
  if (result.ok) {
    return {
      ok: true,
      method: AUTH_METHODS.deviceToken,
      sharedSecretOk: false,
      ...(result.issuer ? { deviceTokenIssuer: result.issuer } : {}),
    };
  }
  const reason = result.scopeMismatch
    ? "scope_mismatch"
    : explicit !== undefined
      ? "device_token_mismatch"
      : shared.reason;
  return { ...shared, reason };
}

/** What the client sent, as the gateway names it in its failure details. */
function provided(auth: ConnectAuth): string {
  if (auth.password) return "password";
  if (auth.token) return "token";
  return auth.deviceToken ? "device-token" : "none";
}

function failureMessage(reason: string, client: Client, isLocalClient: boolean): string {
  const cli = client.mode === "cli";
  const ui =
    isControlUiClient(client.id) ||
    client.id === "openclaw-browser-copilot" ||
    isWebchatClient(client.id, client.mode);
  const tokenHint = cli
    ? isLocalClient
      ? "use this gateway's gateway.auth.token or pair the device"
      : "set gateway.remote.token to match gateway.auth.token"
    : ui
      ? "open the dashboard URL and paste the token in Control UI settings"
      : "provide gateway auth token";
  const passwordHint = cli
    ? isLocalClient
      ? "use this gateway's gateway.auth.password"
      : "set gateway.remote.password to match gateway.auth.password"
    : ui
      ? "enter the password in Control UI settings"
      : "provide gateway auth password";
  switch (reason) {
    case "token_missing": {
      const hint = ui
        ? "paste in Control UI settings or openclaw doctor --generate-gateway-token; restart"
        : tokenHint;
      return `unauthorized: gateway token missing (${hint})`;
    }
    case "token_mismatch":
      return `unauthorized: gateway token mismatch (${tokenHint})`;
    case "password_missing":
      return `unauthorized: gateway password missing (${passwordHint})`;
    case "password_mismatch":
      return `unauthorized: gateway password mismatch (${passwordHint})`;
    case "device_token_mismatch":
      return "unauthorized: device token mismatch (rotate/reissue device token)";
    case "scope_mismatch":
      return "unauthorized: device token scope mismatch (re-pair or approve scope upgrade)";
    default:
      return "unauthorized";
  }
}

const NEXT_STEP: Readonly<Record<string, string>> = {
  token_missing: "update_auth_configuration",
  password_missing: "update_auth_configuration",
  token_mismatch: "update_auth_credentials",
  password_mismatch: "update_auth_credentials",
  device_token_mismatch: "update_auth_credentials",
  scope_mismatch: "review_auth_configuration",
};

/** The error a refused credential gets (the gateway closes with its message after it). */
export function unauthorizedError(
  reason: string,
  auth: ConnectAuth,
  client: Client,
  facts: { hasDevice: boolean; isLocalClient: boolean },
) {
  // Only a device that sent the wrong shared token (and no device token) may retry with one.
  const canRetryWithDeviceToken =
    reason === "token_mismatch" &&
    facts.hasDevice &&
    provided(auth) === "token" &&
    !auth.deviceToken;
  return {
    message: failureMessage(reason, client, facts.isLocalClient),
    details: {
      code: resolveAuthConnectErrorDetailCode(reason),
      authReason: reason,
      canRetryWithDeviceToken,
      recommendedNextStep: canRetryWithDeviceToken
        ? "retry_with_device_token"
        : (NEXT_STEP[reason] ?? "review_auth_configuration"),
    },
  };
}

export const DEVICE_IDENTITY_REQUIRED = {
  message: "device identity required",
  detailCode: Codes.DEVICE_IDENTITY_REQUIRED,
};

export const CONTROL_UI_NEEDS_DEVICE = {
  message: "control ui requires device identity (use HTTPS or localhost secure context)",
  detailCode: Codes.CONTROL_UI_DEVICE_IDENTITY_REQUIRED,
};
