import {
  buildPairingConnectCloseReason,
  buildPairingConnectErrorDetails,
} from "@openclaw/gateway-protocol/connect-error-details";
import { approvedRoles, approvedScopesOf } from "../../src/policy/approved-access";
import { hasForwardingHeaders, isDirectLocalClient } from "../../src/policy/ingress";
import { resolvePairingLocality } from "../../src/policy/locality";
import { PAIRING_NOT_NEEDED, pairingReason } from "../../src/policy/pairing-reason";
import { scopesSatisfy, normalizeScopes } from "../../src/policy/scopes";
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
import type { CoreContext, LiveConnection } from "./context";
import type { DeviceBlock } from "./device-proof";
import { buildHelloOk } from "./hello";
import { refuse } from "./refusal";
import { approvePairing, liveToken, requestPairing, rotateToken, type PairingAsk } from "./pairing";
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
  const { headers, remoteAddress } = connection.facts;
  const origin = headers.origin?.trim() || undefined;
  const scopes = normalizeScopes(params.scopes);
  const ask: PairingAsk = {
    deviceId: device.id,
    publicKey: device.publicKey,
    displayName: params.client.displayName,
    platform: params.client.platform,
    deviceFamily: params.client.deviceFamily,
    clientId: params.client.id,
    clientMode: params.client.mode,
    browserOrigin: origin,
    role: params.role,
    scopes,
    remoteIp: remoteAddress,
  };
  const locality = resolvePairingLocality({
    isLocalClient: isDirectLocalClient(connection.ingress, headers.host),
    remoteAddress,
    requestHost: headers.host,
    requestOrigin: origin,
    hasProxyHeaders: hasForwardingHeaders(headers),
    hasBrowserOriginHeader: origin !== undefined,
    client: params.client,
    authMethod: auth.method,
    sharedAuthOk: auth.sharedSecretOk,
  });
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
    approvePairing(ctx.state, ctx.clock, result.request.requestId, "silent");
    ctx.broadcastPairingEvent(EVENTS.pairResolved, {
      requestId: result.request.requestId,
      deviceId: device.id,
      decision: DECISIONS.approved,
      ts: ctx.clock.now(),
    });
    return sendHello(ctx, connection, frameId, params, device.id, scopes, withSilent);
  }
  return sendHello(ctx, connection, frameId, params, device.id, scopes, traced);
}

function sendHello(
  ctx: CoreContext,
  connection: LiveConnection,
  frameId: string,
  params: ConnectParams,
  deviceId: string,
  scopes: string[],
  decision: ConnectDecision,
): void {
  const device = ctx.state.paired.get(deviceId);
  if (!device || connection.closed) return;
  const now = ctx.clock.now();
  device.lastSeenAtMs = now;
  device.lastSeenReason = "connect";
  if (params.client.displayName) device.displayName = params.client.displayName;
  device.remoteIp = connection.facts.remoteAddress;
  // Reuse the role's token when it already covers the ask, else issue a new one.
  const current = liveToken(device, params.role);
  const token =
    current && scopesSatisfy(current.summary.scopes, scopes)
      ? current
      : rotateToken(device, params.role, scopes, now);
  void ctx.state.persist();
  if (!token) return;
  connection.session = { deviceId, role: params.role, scopes, clientId: params.client.id };
  const hello = buildHelloOk(ctx, connection, {
    role: params.role,
    scopes,
    deviceToken: token.secret.token,
    issuedAtMs: token.summary.rotatedAtMs ?? token.summary.createdAtMs,
  });
  ctx.send(connection, { type: "res", id: frameId, ok: true, payload: hello });
  ctx.recordDecision({ ...decision, outcome: "hello" });
}
