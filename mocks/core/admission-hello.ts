import { AUTH_METHODS } from "../../src/policy/auth-methods";
import { isWebchatClient } from "../../src/policy/clients";
import { normalizeScopes } from "../../src/policy/scopes";
import type { AuthOutcome } from "./auth";
import type { ConnectParams } from "./connect-params";
import type { CoreContext, LiveConnection } from "./context";
import { buildHelloOk, type HelloAuth } from "./hello";
import { tracedDecision, type DecisionTrace } from "./refusal";
import { ensureToken, type TokenIssuer } from "./tokens";
import type { ConnectDecision } from "./types";

// hello-ok for an admitted device: first the gateway's bookkeeping (the role's token), then
// the session and the frame.

type VerifiedAuth = Extract<AuthOutcome, { ok: true }>;

/** What hello-ok grants: the socket's session and the device token it hands out. */
export type HelloGrant = {
  session: NonNullable<LiveConnection["session"]>;
  method: VerifiedAuth["method"];
  token?: { deviceToken: string; issuedAtMs: number };
};

/**
 * Tokens a browser UI gets over the shared secret are bound to that secret, and a device token
 * keeps its issuer: a token without the matching issuer is replaced at hello (observed as the
 * Control UI's token showing rotatedAtMs right after its first silent pairing).
 */
function helloIssuer(params: ConnectParams, auth: VerifiedAuth): TokenIssuer | undefined {
  if (auth.deviceTokenIssuer) return auth.deviceTokenIssuer;
  const { id, mode } = params.client;
  const browserUi =
    id === "openclaw-control-ui" || id === "openclaw-browser-copilot" || isWebchatClient(id, mode);
  return auth.sharedSecretOk && browserUi ? "shared-secret" : undefined;
}

/**
 * The session and, when the device has an approved baseline (`baseline`), the role's token;
 * undefined when the socket is already gone.
 */
export function grantHello(
  ctx: CoreContext,
  connection: LiveConnection,
  deviceId: string,
  connect: { params: ConnectParams; auth: VerifiedAuth; baseline: boolean },
): HelloGrant | undefined {
  const { params, auth, baseline } = connect;
  if (connection.closed) return undefined;
  const now = ctx.clock.now();
  const device = ctx.state.paired.get(deviceId);
  const token =
    baseline && device
      ? ensureToken(device, params.role, params.scopes, now, helloIssuer(params, auth))
      : undefined;
  void ctx.state.persist();
  const session = {
    deviceId,
    role: params.role,
    scopes: normalizeScopes(params.scopes),
    clientId: params.client.id,
    deviceTokenAuth: auth.method === AUTH_METHODS.deviceToken,
  };
  if (!token) return { session, method: auth.method };
  const { summary, secret } = token;
  return {
    session,
    method: auth.method,
    token: { deviceToken: secret.token, issuedAtMs: summary.rotatedAtMs ?? summary.createdAtMs },
  };
}

export function sendHello(
  ctx: CoreContext,
  connection: LiveConnection,
  frameId: string,
  grant: HelloGrant,
  decision: ConnectDecision,
  trace?: DecisionTrace,
): void {
  const { session, token } = grant;
  connection.session = session;
  const auth: HelloAuth = { method: grant.method, role: session.role, scopes: session.scopes };
  if (token) {
    auth.deviceToken = token.deviceToken;
    auth.issuedAtMs = token.issuedAtMs;
  }
  const hello = buildHelloOk(ctx, connection, auth);
  ctx.send(connection, { type: "res", id: frameId, ok: true, payload: hello });
  ctx.admitted(connection);
  const record = tracedDecision(decision, trace);
  record.outcome = "hello";
  ctx.recordDecision(record);
}
