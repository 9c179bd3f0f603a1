import {
  buildPairingConnectCloseReason,
  buildPairingConnectErrorDetails,
} from "@openclaw/gateway-protocol/connect-error-details";
import { approvedRoles, approvedScopesOf } from "../../src/policy/approved-access";
import { AUTH_METHODS } from "../../src/policy/auth-methods";
import { PAIRING_NOT_NEEDED, pairingReason } from "../../src/policy/pairing-reason";
import { isWebchatClient } from "../../src/policy/clients";
import { normalizeScopes } from "../../src/policy/scopes";
import { decideSilentPairing } from "../../src/policy/silent-pairing";
import {
  CLOSE_POLICY_VIOLATION,
  DECISIONS,
  ERROR_CODES,
  EVENTS,
  PAIRING_MESSAGES,
  type PairingReason,
} from "../../src/protocol";
import type { AuthOutcome } from "./auth";
import type { ConnectParams } from "./connect-params";
import { connectionLocality } from "./connection-locality";
import type { CoreContext, LiveConnection } from "./context";
import type { DeviceBlock } from "./device-proof";
import { buildHelloOk } from "./hello";
import { refuse } from "./refusal";
import { normalizeNodeHostMetadata, reportedRemoteIp } from "./client-metadata";
import { approvePairing, requestPairing, type PairingAsk } from "./pairing";
import { ensureToken, type TokenIssuer } from "./tokens";
import { toWirePending } from "./state";
import type { ConnectDecision, StoredPairedDevice } from "./types";

// After a verified proof and credentials: locality, pairing need and silent approval are
// decided only by src/policy; then the pairing refusal (spec §6) or hello-ok.

type Verified = {
  params: ConnectParams;
  device: DeviceBlock;
  auth: Extract<AuthOutcome, { ok: true }>;
  decision: ConnectDecision;
};

function pairingRefusal(
  reason: PairingReason,
  requestId: string,
  ask: PairingAsk,
  paired?: StoredPairedDevice,
) {
  const sameKey = paired?.publicKey === ask.publicKey ? paired : undefined;
  const roles = sameKey ? approvedRoles(sameKey) : [];
  const scopes = sameKey ? approvedScopesOf(sameKey) : [];
  const { message, remediationHint } = PAIRING_MESSAGES[reason];
  const details = buildPairingConnectErrorDetails({
    reason,
    requestId,
    remediationHint,
    deviceId: ask.deviceId,
    requestedRole: ask.role,
    requestedScopes: ask.scopes,
    ...(roles.length > 0 ? { approvedRoles: roles } : {}),
    ...(scopes.length > 0 ? { approvedScopes: scopes } : {}),
  });
  return {
    code: ERROR_CODES.notPaired,
    message,
    details: details as unknown as Record<string, unknown>,
    close: {
      code: CLOSE_POLICY_VIOLATION,
      reason: buildPairingConnectCloseReason({ reason, requestId }),
    },
  };
}

export async function admitDevice(
  ctx: CoreContext,
  connection: LiveConnection,
  frameId: string,
  { params, device, auth, decision }: Verified,
): Promise<void> {
  const locality = connectionLocality(connection, params.client, auth);
  const { origin, isLocalClient } = locality;
  const { remoteAddress } = connection.facts;
  const scopes = normalizeScopes(params.scopes);
  const client = normalizeNodeHostMetadata(params.client);
  const remoteIp = reportedRemoteIp(remoteAddress, isLocalClient);
  // Requests carry no browserOrigin, and remoteIp only for non-loopback peers (observed).
  const ask: PairingAsk = {
    deviceId: device.id,
    publicKey: device.publicKey,
    displayName: client.displayName,
    platform: client.platform,
    deviceFamily: client.deviceFamily,
    clientId: client.id,
    clientMode: client.mode,
    role: params.role,
    scopes,
    remoteIp,
  };
  const paired = ctx.state.paired.get(device.id);
  const need = pairingReason(paired, ask);
  const traced = {
    ...decision,
    locality: locality.locality,
    localityWhy: locality.why,
    reason: need,
  };

  if (need !== PAIRING_NOT_NEEDED) {
    const silent = decideSilentPairing({
      locality: locality.locality,
      reason: need,
      hasBrowserOriginHeader: origin !== undefined,
      client: params.client,
      authMethod: auth.method,
      autoApproveLocal: ctx.config.autoApproveLocal,
    });
    const result = requestPairing(ctx.state, ctx.clock, ask, need, silent.silent);
    const withSilent = {
      ...traced,
      silent: silent.silent,
      silentWhy: silent.why,
      requestId: result.request.requestId,
    };
    for (const old of result.superseded) {
      ctx.broadcastPairingEvent(EVENTS.pairResolved, {
        requestId: old.requestId,
        deviceId: old.deviceId,
        decision: DECISIONS.rejected,
        ts: ctx.clock.now(),
      });
    }
    if (!silent.silent) {
      // A refreshed (reused) request is not announced again, as on the real gateway.
      if (result.created)
        ctx.broadcastPairingEvent(EVENTS.pairRequested, toWirePending(result.request));
      void ctx.state.persist();
      const refusal = pairingRefusal(need, result.request.requestId, ask, paired);
      return refuse(ctx, connection, frameId, refusal, { ...withSilent, outcome: "pending" });
    }
    // Silent: approved on the spot; only device.pair.resolved goes out (no requested event).
    approvePairing(ctx.state, ctx.clock, result.request.requestId, {
      approvedVia: "silent",
      access: { displayName: client.displayName, remoteIp, lastSeenAtMs: ctx.clock.now() },
    });
    ctx.broadcastPairingEvent(EVENTS.pairResolved, {
      requestId: result.request.requestId,
      deviceId: device.id,
      decision: DECISIONS.approved,
      ts: ctx.clock.now(),
    });
    return sendHello(ctx, connection, frameId, { params, auth, remoteIp }, withSilent);
  }
  return sendHello(ctx, connection, frameId, { params, auth, remoteIp }, traced);
}

/**
 * Tokens a browser UI gets over the shared secret are bound to that secret, and a device token
 * keeps its issuer: a token without the matching issuer is replaced at hello (observed as the
 * Control UI's token showing rotatedAtMs right after its first silent pairing).
 */
function helloIssuer(params: ConnectParams, auth: Verified["auth"]): TokenIssuer | undefined {
  if (auth.deviceTokenIssuer) return auth.deviceTokenIssuer;
  const { id, mode } = params.client;
  const browserUi =
    id === "openclaw-control-ui" || id === "openclaw-browser-copilot" || isWebchatClient(id, mode);
  return auth.sharedSecretOk && browserUi ? "shared-secret" : undefined;
}

function sendHello(
  ctx: CoreContext,
  connection: LiveConnection,
  frameId: string,
  connect: { params: ConnectParams; auth: Verified["auth"]; remoteIp: string | undefined },
  decision: ConnectDecision,
): void {
  const { params, auth, remoteIp } = connect;
  const deviceId = decision.deviceId ?? "";
  const device = ctx.state.paired.get(deviceId);
  if (!device || connection.closed) return;
  const now = ctx.clock.now();
  device.lastSeenAtMs = now;
  device.lastSeenReason = "connect";
  if (params.client.displayName) device.displayName = params.client.displayName;
  if (remoteIp) device.remoteIp = remoteIp;
  const token = ensureToken(device, params.role, params.scopes, now, helloIssuer(params, auth));
  if (token && auth.method === AUTH_METHODS.deviceToken) token.summary.lastUsedAtMs = now;
  void ctx.state.persist();
  const scopes = normalizeScopes(params.scopes);
  connection.session = {
    deviceId,
    role: params.role,
    scopes,
    clientId: params.client.id,
    deviceTokenAuth: auth.method === AUTH_METHODS.deviceToken,
  };
  const hello = buildHelloOk(ctx, connection, {
    role: params.role,
    scopes,
    ...(token
      ? {
          deviceToken: token.secret.token,
          issuedAtMs: token.summary.rotatedAtMs ?? token.summary.createdAtMs,
        }
      : {}),
  });
  ctx.send(connection, { type: "res", id: frameId, ok: true, payload: hello });
  ctx.recordDecision({ ...decision, outcome: "hello" });
}
