import { AUTH_METHODS } from "../../src/policy/auth-methods";
import { skipsLocalBackendPairing } from "../../src/policy/device-identity";
import { pinClientMetadata } from "../../src/policy/metadata-pin";
import { pairingReasons } from "../../src/policy/pairing-reason";
import { normalizeScopes } from "../../src/policy/scopes";
import { ERROR_CODES, PAIRING_REASONS, ROLES } from "../../src/protocol";
import type { AuthOutcome } from "./auth";
import type { ConnectParams } from "./connect-params";
import { connectionLocality } from "./connection-locality";
import type { CoreContext, LiveConnection } from "./context";
import { grantHello, sendHello, type HelloGrant } from "./admission-hello";
import { requirePairing, type PairEvent, type PairingStep } from "./admission-pairing";
import { policyRefusal, refuse, type DecisionTrace, type Refusal } from "./refusal";
import { normalizeNodeHostMetadata, reportedRemoteIp } from "./client-metadata";
import { noteNodePresence, requestNodeSurface, type NodeSurfaceRecord } from "./node-surface";
import type { PairingAsk } from "./pairing";
import type { ConnectDecision, StoredPairedDevice } from "./types";

// After a verified proof and credentials, the real gateway's device authorization: a local
// backend client is not paired at all; an unknown device needs pairing; a paired one is checked
// for changed identity details, a new role and new scopes, in that order, each a pairing need
// of its own (admission-pairing.ts). Then the paired record is touched and hello-ok goes out.

export type Verified = {
  params: ConnectParams;
  device: NonNullable<ConnectParams["device"]>;
  auth: Extract<AuthOutcome, { ok: true }>;
  decision: ConnectDecision;
};

/**
 * What the gateway decided for one verified connect, with its bookkeeping already done
 * (pending request, silent approval, token, save requested); sending is left to the answer.
 */
export type Admission = {
  decision: ConnectDecision;
  trace: DecisionTrace;
  events: PairEvent[];
} & (
  | { outcome: "pending" | "refused"; refusal: Refusal }
  | { outcome: "hello"; grant: HelloGrant | undefined }
  /** The real gateway fails inside its handshake here and closes 1000 without an answer. */
  | { outcome: "dropped" }
);

const NODE_IDENTITY_UNAVAILABLE = "authenticated node pairing identity unavailable";

/** A connect of a paired device refreshes what the record says about its last visit. */
function touch(
  ctx: CoreContext,
  device: StoredPairedDevice,
  access: { displayName?: string; remoteIp?: string; at: number; platform?: string },
) {
  // The gateway writes these keys even when the connect left them out, clearing them.
  if (access.displayName) device.displayName = access.displayName;
  else delete device.displayName;
  if (access.remoteIp) device.remoteIp = access.remoteIp;
  else delete device.remoteIp;
  if (access.platform) device.platform = access.platform;
  device.lastSeenAtMs = access.at;
  device.lastSeenReason = "connect";
  // Set again: the name may have changed, and the cluster index follows it.
  ctx.state.paired.set(device.deviceId, device);
}

export function decideAdmission(
  ctx: CoreContext,
  connection: LiveConnection,
  { params, device, auth, decision }: Verified,
): Admission {
  const locality = connectionLocality(connection, params.client, auth);
  const client = normalizeNodeHostMetadata(params.client);
  const remoteIp = reportedRemoteIp(connection.facts.remoteAddress, locality.isLocalClient);
  const ask: PairingAsk = {
    deviceId: device.id,
    publicKey: device.publicKey,
    displayName: client.displayName,
    platform: client.platform,
    deviceFamily: client.deviceFamily,
    clientId: client.id,
    clientMode: client.mode,
    role: params.role,
    scopes: normalizeScopes(params.scopes),
    remoteIp,
  };
  const events: PairEvent[] = [];
  const trace: DecisionTrace = { locality: locality.locality, localityWhy: locality.why };
  const paired = ctx.state.paired.get(device.id);
  const isPaired = paired?.publicKey === device.publicKey;
  const hello = (baseline: boolean, platform = client.platform): Admission => {
    const grant = grantHello(ctx, connection, device.id, { params, auth, baseline });
    if (params.role !== ROLES.node) return { outcome: "hello", grant, decision, trace, events };
    // A node's command surface is asked for right after its device is settled.
    const record = ctx.state.paired.get(device.id) as NodeSurfaceRecord | undefined;
    if (!record) return { outcome: "dropped", decision, trace, events };
    const { displayName, deviceFamily, version } = client;
    const surface = { caps: params.caps, commands: params.commands };
    const about = { displayName, platform, version, deviceFamily };
    events.push(...requestNodeSurface(record, ctx.clock, about, remoteIp, surface));
    connection.nodeRequestId = record.pendingNodeSurface?.requestId;
    noteNodePresence(ctx.state, device.id, "lastConnectedAtMs", ctx.clock.now());
    if (grant && (grant.token || auth.method === AUTH_METHODS.deviceToken)) {
      return { outcome: "hello", grant, decision, trace, events };
    }
    const refusal = policyRefusal(ERROR_CODES.notPaired, NODE_IDENTITY_UNAVAILABLE);
    return { outcome: "refused", refusal, decision, trace, events };
  };
  const access = { displayName: client.displayName, remoteIp, at: ctx.clock.now() };
  const facts = {
    client: params.client,
    locality: locality.locality,
    hasBrowserOriginHeader: locality.origin !== undefined,
    sharedAuthOk: auth.sharedSecretOk,
    authMethod: auth.method,
  };
  if (skipsLocalBackendPairing(facts)) {
    trace.reason = "none";
    if (isPaired && paired) touch(ctx, paired, access);
    return hello(isPaired || auth.method !== AUTH_METHODS.deviceToken);
  }
  const reasons = isPaired && paired ? pairingReasons(paired, ask) : [PAIRING_REASONS.notPaired];
  trace.reason = reasons[0] ?? "none";
  const pin = pinClientMetadata({
    clientId: client.id,
    clientMode: client.mode,
    claimedPlatform: client.platform,
    claimedDeviceFamily: client.deviceFamily,
    pairedPlatform: paired?.platform,
    pairedDeviceFamily: paired?.deviceFamily,
  });
  const step: PairingStep = {
    params,
    client,
    ask,
    locality,
    authMethod: auth.method,
    events,
    trace,
  };
  // When the identity details match the pin, the connect is taken to carry the pinned ones.
  if (!pin.mismatch) {
    step.client = {
      ...client,
      ...(pin.platform ? { platform: pin.platform } : {}),
      ...(pin.deviceFamily ? { deviceFamily: pin.deviceFamily } : {}),
    };
  }
  for (const reason of reasons) {
    const refusal = requirePairing(ctx, step, reason, paired);
    if (refusal) {
      trace.outcome = "pending";
      return { outcome: "pending", refusal, decision, trace, events };
    }
  }
  const record = ctx.state.paired.get(device.id);
  if (isPaired && record)
    touch(ctx, record, {
      ...access,
      ...(pin.refreshedPlatform ? { platform: pin.refreshedPlatform } : {}),
    });
  void ctx.state.persist();
  return hello(true, step.client.platform);
}

/** Sends what was decided: the pairing events, then the refusal (spec §6) or hello-ok. */
export function answerAdmission(
  ctx: CoreContext,
  connection: LiveConnection,
  frameId: string,
  admission: Admission,
): void {
  for (const { event, payload } of admission.events) ctx.broadcastPairingEvent(event, payload);
  if (admission.outcome === "pending" || admission.outcome === "refused") {
    refuse(ctx, connection, frameId, admission.refusal, admission.decision, admission.trace);
  } else if (admission.outcome === "dropped") {
    ctx.close(connection, 1000, "");
  } else if (admission.outcome === "hello" && admission.grant) {
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
