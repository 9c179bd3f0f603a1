import {
  buildPairingConnectCloseReason,
  buildPairingConnectErrorDetails,
} from "@openclaw/gateway-protocol/connect-error-details";
import { approvedRoles, approvedScopesOf } from "../../src/policy/approved-access";
import { PAIRING_NOT_NEEDED, pairingReason } from "../../src/policy/pairing-reason";
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
import { grantHello, sendHello, type HelloGrant } from "./admission-hello";
import { refuse, type DecisionTrace, type Refusal } from "./refusal";
import { normalizeNodeHostMetadata, reportedRemoteIp } from "./client-metadata";
import { approvePairing, requestPairing, type PairingAsk } from "./pairing";
import { toWirePending } from "./state";
import type { ConnectDecision, StoredPairedDevice } from "./types";

// After a verified proof and credentials: locality, pairing need and silent approval are
// decided only by src/policy, and the pending/paired bookkeeping is done (decideAdmission);
// then the pairing events, and the pairing refusal (spec §6) or hello-ok, go out.

export type Verified = {
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
  const facts: Parameters<typeof buildPairingConnectErrorDetails>[0] = {
    reason,
    requestId,
    remediationHint,
    deviceId: ask.deviceId,
    requestedRole: ask.role,
    requestedScopes: ask.scopes,
  };
  if (roles.length > 0) facts.approvedRoles = roles;
  if (scopes.length > 0) facts.approvedScopes = scopes;
  const details = buildPairingConnectErrorDetails(facts);
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

/** A pairing event to broadcast once the decision is made. */
type PairEvent = { event: string; payload: unknown };

/**
 * What the gateway decided for one verified connect, with its bookkeeping already done
 * (pending request, silent approval, token, save requested); sending is left to the answer.
 * `decision` is the connect's record as handed in; `trace` is what this step adds to it
 * (locality, reason, silent decision). They are merged only when the record is kept, once.
 */
export type Admission = {
  decision: ConnectDecision;
  trace: DecisionTrace;
  events: PairEvent[];
} & (
  { outcome: "pending"; refusal: Refusal } | { outcome: "hello"; grant: HelloGrant | undefined }
);

export function decideAdmission(
  ctx: CoreContext,
  connection: LiveConnection,
  { params, device, auth, decision }: Verified,
): Admission {
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
  const trace: DecisionTrace = {
    locality: locality.locality,
    localityWhy: locality.why,
    reason: need,
  };
  const hello = { params, auth, remoteIp };

  if (need === PAIRING_NOT_NEEDED) {
    const grant = grantHello(ctx, connection, device.id, hello);
    return { outcome: "hello", grant, decision, trace, events: [] };
  }
  const silent = decideSilentPairing({
    locality: locality.locality,
    reason: need,
    hasBrowserOriginHeader: origin !== undefined,
    client: params.client,
    authMethod: auth.method,
    autoApproveLocal: ctx.config.autoApproveLocal,
  });
  const result = requestPairing(ctx.state, ctx.clock, ask, need, silent.silent);
  trace.silent = silent.silent;
  trace.silentWhy = silent.why;
  trace.requestId = result.request.requestId;
  const events: PairEvent[] = result.superseded.map((old) => ({
    event: EVENTS.pairResolved,
    payload: {
      requestId: old.requestId,
      deviceId: old.deviceId,
      decision: DECISIONS.rejected,
      ts: ctx.clock.now(),
    },
  }));
  if (!silent.silent) {
    // A refreshed (reused) request is not announced again, as on the real gateway.
    if (result.created)
      events.push({ event: EVENTS.pairRequested, payload: toWirePending(result.request) });
    void ctx.state.persist();
    const refusal = pairingRefusal(need, result.request.requestId, ask, paired);
    trace.outcome = "pending";
    return { outcome: "pending", refusal, decision, trace, events };
  }
  // Silent: approved on the spot; only device.pair.resolved goes out (no requested event).
  approvePairing(ctx.state, ctx.clock, result.request.requestId, {
    approvedVia: "silent",
    access: { displayName: client.displayName, remoteIp, lastSeenAtMs: ctx.clock.now() },
  });
  events.push({
    event: EVENTS.pairResolved,
    payload: {
      requestId: result.request.requestId,
      deviceId: device.id,
      decision: DECISIONS.approved,
      ts: ctx.clock.now(),
    },
  });
  const grant = grantHello(ctx, connection, device.id, hello);
  return { outcome: "hello", grant, decision, trace, events };
}

/** Sends what was decided: the pairing events, then the refusal (spec §6) or hello-ok. */
export function answerAdmission(
  ctx: CoreContext,
  connection: LiveConnection,
  frameId: string,
  admission: Admission,
): void {
  for (const { event, payload } of admission.events) ctx.broadcastPairingEvent(event, payload);
  if (admission.outcome === "pending") {
    refuse(ctx, connection, frameId, admission.refusal, admission.decision, admission.trace);
  } else if (admission.grant) {
    sendHello(ctx, connection, frameId, admission.grant, admission.decision, admission.trace);
  }
}

export async function admitDevice(
  ctx: CoreContext,
  connection: LiveConnection,
  frameId: string,
  verified: Verified,
): Promise<void> {
  answerAdmission(ctx, connection, frameId, decideAdmission(ctx, connection, verified));
}
