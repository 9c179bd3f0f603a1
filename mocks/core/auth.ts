import {
  ConnectErrorDetailCodes as Codes,
  resolveAuthConnectErrorDetailCode,
} from "@openclaw/gateway-protocol/connect-error-details";
import { AUTH_METHODS, type AuthMethod } from "../../src/policy/auth-methods";
import { isWebchatClient } from "../../src/policy/clients";
import { approvedRoles, approvedScopesOf } from "../../src/policy/approved-access";
import { scopesSatisfy } from "../../src/policy/scopes";
import { liveToken, type TokenIssuer } from "./pairing";
import type { GatewayAuthConfig, StoredPairedDevice } from "./types";

// Connect credentials (spec §2): the gateway's shared token or password, or a device token
// issued at hello-ok. Messages, reasons and details follow the real gateway's auth failures.

export type ConnectAuth = { token?: string; password?: string; deviceToken?: string };

export type AuthOutcome =
  | {
      ok: true;
      method: AuthMethod;
      sharedSecretOk: boolean;
      /** Who issued the device token that authenticated, when one did. */
      deviceTokenIssuer?: TokenIssuer;
    }
  | { ok: false; reason: string; message: string; details: Record<string, unknown> };

export function readConnectAuth(value: unknown): ConnectAuth {
  if (typeof value !== "object" || value === null) return {};
  const auth = value as Record<string, unknown>;
  const text = (key: string) => {
    const raw = auth[key];
    return typeof raw === "string" && raw.trim() ? raw.trim() : undefined;
  };
  return { token: text("token"), password: text("password"), deviceToken: text("deviceToken") };
}

type Client = { id: string; mode: string };

function isCli(client: Client): boolean {
  return client.id === "cli" || client.mode === "cli";
}

function isUiOrWebchat(client: Client): boolean {
  const ui = ["openclaw-control-ui", "openclaw-browser-copilot", "openclaw-tui"];
  return ui.includes(client.id) || isWebchatClient(client.id, client.mode);
}

function failureMessage(reason: string, client: Client, isLocalClient: boolean): string {
  const ui = isUiOrWebchat(client);
  const tokenHint = isCli(client)
    ? isLocalClient
      ? "use this gateway's gateway.auth.token or pair the device"
      : "set gateway.remote.token to match gateway.auth.token"
    : ui
      ? "open the dashboard URL and paste the token in Control UI settings"
      : "provide gateway auth token";
  const passwordHint = isCli(client)
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

type AuthParams = {
  config: GatewayAuthConfig;
  auth: ConnectAuth;
  client: Client;
  isLocalClient: boolean;
  /** The connect's device block was present (its proof is checked separately). */
  hasDevice: boolean;
  paired: StoredPairedDevice | undefined;
  publicKey: string;
  role: string;
  scopes: string[];
};

function failure(params: AuthParams, reason: string): AuthOutcome {
  const { auth } = params;
  // Only a device that sent the wrong shared token (and no device token) is told to retry
  // with the device token it may hold.
  const canRetryWithDeviceToken =
    reason === "token_mismatch" &&
    params.hasDevice &&
    !auth.password &&
    auth.token !== undefined &&
    !auth.deviceToken;
  return {
    ok: false,
    reason,
    message: failureMessage(reason, params.client, params.isLocalClient),
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

type TokenCheck = { ok: true; issuer?: TokenIssuer } | { ok: false; scopeMismatch: boolean };

/** The real gateway's device-token check: same key, live role token, scopes within it. */
function checkDeviceToken(params: AuthParams, candidate: string): TokenCheck {
  const { paired, publicKey, role, scopes } = params;
  if (!paired || paired.publicKey !== publicKey || !approvedRoles(paired).includes(role)) {
    return { ok: false, scopeMismatch: false };
  }
  const token = liveToken(paired, role);
  if (token?.secret.token !== candidate) return { ok: false, scopeMismatch: false };
  const withinApproval = scopesSatisfy(approvedScopesOf(paired), token.summary.scopes);
  if (!withinApproval || !scopesSatisfy(token.summary.scopes, scopes)) {
    return { ok: false, scopeMismatch: true };
  }
  return { ok: true, ...(token.secret.issuer ? { issuer: token.secret.issuer } : {}) };
}

function sharedFailureReason(config: GatewayAuthConfig, auth: ConnectAuth): string {
  if (config.mode === "password") return auth.password ? "password_mismatch" : "password_missing";
  return auth.token ? "token_mismatch" : "token_missing";
}

export function authenticate(params: AuthParams): AuthOutcome {
  const { config, auth } = params;
  if (config.mode === "none") return { ok: true, method: AUTH_METHODS.none, sharedSecretOk: false };
  if (config.mode === "token" && auth.token === config.token) {
    return { ok: true, method: AUTH_METHODS.token, sharedSecretOk: true };
  }
  if (config.mode === "password" && auth.password === config.password) {
    return { ok: true, method: AUTH_METHODS.password, sharedSecretOk: true };
  }
  // A client that stored its device token may send it as auth.token too (gateway-client does).
  const candidate = params.hasDevice ? (auth.deviceToken ?? auth.token) : undefined;
  if (candidate === undefined) return failure(params, sharedFailureReason(config, auth));
  const check = checkDeviceToken(params, candidate);
  if (check.ok) {
    return {
      ok: true,
      method: AUTH_METHODS.deviceToken,
      sharedSecretOk: false,
      ...(check.issuer ? { deviceTokenIssuer: check.issuer } : {}),
    };
  }
  if (check.scopeMismatch) return failure(params, "scope_mismatch");
  if (auth.deviceToken) return failure(params, "device_token_mismatch");
  return failure(params, sharedFailureReason(config, auth));
}

export const DEVICE_IDENTITY_REQUIRED = {
  message: "device identity required",
  detailCode: Codes.DEVICE_IDENTITY_REQUIRED,
};
