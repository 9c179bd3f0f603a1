import {
  ConnectErrorDetailCodes as Codes,
  resolveAuthConnectErrorDetailCode,
} from "@openclaw/gateway-protocol/connect-error-details";
import { AUTH_METHODS, type AuthMethod } from "../../src/policy/auth-methods";
import { liveToken } from "./pairing";
import type { GatewayAuthConfig, StoredPairedDevice } from "./types";

// Connect credentials (spec §2): the gateway's shared token or password, or a device token
// issued at hello-ok. Messages and detail codes follow the real gateway's auth failures.

export type ConnectAuth = { token?: string; password?: string; deviceToken?: string };

export type AuthOutcome =
  | { ok: true; method: AuthMethod; sharedSecretOk: boolean }
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

function tokenHint(clientId: string, mode: string): string {
  if (clientId === "cli" || mode === "cli")
    return "set gateway.remote.token to match gateway.auth.token";
  if (clientId === "openclaw-control-ui" || clientId === "webchat-ui" || mode === "webchat") {
    return "open the dashboard URL and paste the token in Control UI settings";
  }
  return "provide gateway auth token";
}

function passwordHint(clientId: string, mode: string): string {
  if (clientId === "cli" || mode === "cli")
    return "set gateway.remote.password to match gateway.auth.password";
  if (clientId === "openclaw-control-ui" || clientId === "webchat-ui" || mode === "webchat") {
    return "enter the password in Control UI settings";
  }
  return "provide gateway auth password";
}

function failure(reason: string, message: string, canRetryWithDeviceToken = false): AuthOutcome {
  return {
    ok: false,
    reason,
    message,
    details: {
      code: resolveAuthConnectErrorDetailCode(reason),
      authReason: reason,
      canRetryWithDeviceToken,
      recommendedNextStep: "update_auth_credentials",
    },
  };
}

function deviceTokenMatches(
  paired: StoredPairedDevice | undefined,
  publicKey: string,
  role: string,
  candidate: string,
): boolean {
  if (!paired || paired.publicKey !== publicKey) return false;
  return liveToken(paired, role)?.secret.token === candidate;
}

export function authenticate(params: {
  config: GatewayAuthConfig;
  auth: ConnectAuth;
  client: { id: string; mode: string };
  paired: StoredPairedDevice | undefined;
  publicKey: string;
  role: string;
}): AuthOutcome {
  const { config, auth, client, paired, publicKey, role } = params;
  const deviceCandidate = auth.deviceToken ?? auth.token;
  const deviceTokenOk =
    deviceCandidate !== undefined && deviceTokenMatches(paired, publicKey, role, deviceCandidate);

  if (config.mode === "none") return { ok: true, method: AUTH_METHODS.none, sharedSecretOk: false };
  if (config.mode === "token" && auth.token === config.token) {
    return { ok: true, method: AUTH_METHODS.token, sharedSecretOk: true };
  }
  if (config.mode === "password" && auth.password === config.password) {
    return { ok: true, method: AUTH_METHODS.password, sharedSecretOk: true };
  }
  // A client that stored its device token may send it as auth.token too (gateway-client does).
  if (deviceTokenOk) return { ok: true, method: AUTH_METHODS.deviceToken, sharedSecretOk: false };

  if (auth.deviceToken && !auth.token && !auth.password) {
    return failure(
      "device_token_mismatch",
      "unauthorized: device token mismatch (rotate/reissue device token)",
    );
  }
  if (config.mode === "token") {
    const hint = tokenHint(client.id, client.mode);
    return auth.token
      ? failure("token_mismatch", `unauthorized: gateway token mismatch (${hint})`, Boolean(paired))
      : failure("token_missing", `unauthorized: gateway token missing (${hint})`);
  }
  const hint = passwordHint(client.id, client.mode);
  return auth.password
    ? failure("password_mismatch", `unauthorized: gateway password mismatch (${hint})`)
    : failure("password_missing", `unauthorized: gateway password missing (${hint})`);
}

export const DEVICE_IDENTITY_REQUIRED = {
  message: "device identity required",
  detailCode: Codes.DEVICE_IDENTITY_REQUIRED,
};
