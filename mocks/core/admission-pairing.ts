import {
  buildPairingConnectCloseReason,
  buildPairingConnectErrorDetails,
} from "@openclaw/gateway-protocol/connect-error-details";
import {
  approvedRoles,
  approvedScopesOf,
  liveApprovedRoles,
} from "../../src/policy/approved-access";
import { isControlUiClient } from "../../src/policy/clients";
import { pinClientMetadata } from "../../src/policy/metadata-pin";
import { scopesSatisfy } from "../../src/policy/scopes";
import { decideSilentPairing } from "../../src/policy/silent-pairing";
import type { LocalityDecision } from "../../src/policy/locality";
import type { AuthMethod } from "../../src/policy/auth-methods";
import {
  CLOSE_POLICY_VIOLATION,
  DECISIONS,
  ERROR_CODES,
  EVENTS,
  PAIRING_MESSAGES,
  ROLES,
  type PairingReason,
} from "../../src/protocol";
import type { ConnectParams } from "./connect-params";
import type { CoreContext } from "./context";
import { approvePairing, requestPairing, type PairingAsk } from "./pairing";
import type { DecisionTrace, Refusal } from "./refusal";
import { pruneSupersededSilentPairings } from "./silent-prune";
import { toWirePending } from "./state";
import type { StoredPairedDevice, StoredPendingRequest } from "./types";

// One pairing need of a connect (spec §5–§6), as the real gateway's requirePairing handles it:
// a pending request is made or refreshed; when the request (not just this connect) may be
// approved silently, it is approved at once with the connect's own scopes as the approver's;
// then the live record decides whether the connect goes on or is refused with the request.

export type PairEvent = { event: string; payload: unknown };

export type PairingStep = {
  params: ConnectParams;
  /** The client as the gateway reads it (node-host platform names normalised). */
  client: ConnectParams["client"];
  ask: PairingAsk;
  locality: LocalityDecision & { origin: string | undefined };
  authMethod: AuthMethod;
  events: PairEvent[];
  /** What the developer panel shows about this connect; each pairing need overwrites it. */
  trace: DecisionTrace;
};

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

function refusal(
  reason: PairingReason,
  requestId: string | undefined,
  step: PairingStep,
  existing: StoredPairedDevice | undefined,
): Refusal {
  const { ask, params } = step;
  const sameKey = existing?.publicKey === ask.publicKey ? existing : undefined;
  const roles = sameKey ? approvedRoles(sameKey) : [];
  const scopes = sameKey ? sorted(approvedScopesOf(sameKey)) : [];
  const { message, remediationHint } = PAIRING_MESSAGES[reason];
  // The Control UI is told to wait and retry while its own request is pending.
  const controlUiWaits =
    (isControlUiClient(params.client.id) || params.client.id === "openclaw-browser-copilot") &&
    params.role === ROLES.operator &&
    requestId !== undefined;
  const details = buildPairingConnectErrorDetails({
    reason,
    requestId,
    remediationHint,
    ...(controlUiWaits
      ? { recommendedNextStep: "wait_then_retry", retryable: true, pauseReconnect: false }
      : {}),
    deviceId: ask.deviceId,
    requestedRole: params.role,
    requestedScopes: params.scopes,
    ...(roles.length > 0 ? { approvedRoles: roles } : {}),
    ...(scopes.length > 0 ? { approvedScopes: scopes } : {}),
  } as Parameters<typeof buildPairingConnectErrorDetails>[0]);
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

function livePendingId(ctx: CoreContext, request: StoredPendingRequest): string | undefined {
  if (ctx.state.livePending(request.requestId)) return request.requestId;
  return ctx.state
    .pendingOfDevice(request.deviceId)
    .find((pending) => pending.publicKey === request.publicKey)?.requestId;
}

/** Undefined when the connect may go on; otherwise the refusal to send. */
export function requirePairing(
  ctx: CoreContext,
  step: PairingStep,
  reason: PairingReason,
  existing: StoredPairedDevice | undefined,
): Refusal | undefined {
  const { params, ask, locality, events } = step;
  const silent = decideSilentPairing({
    locality: locality.locality,
    reason,
    hasBrowserOriginHeader: locality.origin !== undefined,
    client: params.client,
    authMethod: step.authMethod,
    autoApproveLocal: ctx.config.autoApproveLocal,
    role: params.role,
    alreadyPaired: existing !== undefined,
  });
  const result = requestPairing(ctx.state, ctx.clock, ask, reason, silent.silent);
  const { request } = result;
  Object.assign(step.trace, { reason, silent: request.silent, silentWhy: silent.why });
  step.trace.requestId = request.requestId;
  for (const old of result.superseded) {
    const payload = {
      requestId: old.requestId,
      deviceId: old.deviceId,
      decision: DECISIONS.rejected,
    };
    events.push({ event: EVENTS.pairResolved, payload: { ...payload, ts: ctx.clock.now() } });
  }
  // What was decided for the request as a whole: a refresh keeps an owner's earlier "no".
  const inline = request.silent;
  if (inline) {
    const kept = existing ? approvedScopesOf(existing) : [];
    const approved = approvePairing(ctx.state, ctx.clock, request.requestId, {
      approvedVia: "silent",
      callerScopes: [...new Set([...params.scopes, ...kept])],
      access: {
        displayName: params.client.displayName,
        remoteIp: ask.remoteIp,
        lastSeenAtMs: ctx.clock.now(),
      },
    });
    if (approved?.ok) {
      const payload = {
        requestId: request.requestId,
        deviceId: ask.deviceId,
        decision: DECISIONS.approved,
      };
      events.push({ event: EVENTS.pairResolved, payload: { ...payload, ts: ctx.clock.now() } });
      pruneSupersededSilentPairings(ctx, ask.deviceId);
    }
  } else if (result.created) {
    events.push({ event: EVENTS.pairRequested, payload: toWirePending(request) });
  }
  void ctx.state.persist();
  const recovery = livePendingId(ctx, request);
  const live = ctx.state.paired.get(ask.deviceId);
  const pin = pinClientMetadata({
    clientId: step.client.id,
    clientMode: step.client.mode,
    claimedPlatform: step.client.platform,
    claimedDeviceFamily: step.client.deviceFamily,
    pairedPlatform: live?.platform,
    pairedDeviceFamily: live?.deviceFamily,
  });
  const allowed =
    live?.publicKey === ask.publicKey &&
    liveApprovedRoles(live).includes(params.role) &&
    scopesSatisfy(approvedScopesOf(live), params.scopes, params.role);
  if (!pin.mismatch && allowed) return undefined;
  // A silent approval that did not go through leaves an ordinary pending request: announce it.
  if (inline && recovery === request.requestId) {
    const pending = ctx.state.livePending(recovery);
    if (pending) events.push({ event: EVENTS.pairRequested, payload: toWirePending(pending) });
  }
  return refusal(reason, recovery, step, existing);
}
