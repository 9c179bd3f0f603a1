import {
  DECISIONS,
  EVENTS,
  METHODS,
  OPERATOR_SCOPES,
  UNKNOWN_DEVICE_ID_MESSAGE,
  UNKNOWN_REQUEST_ID_MESSAGE,
} from "../../../src/protocol";
import { approvePairing, rejectPairing } from "../pairing";
import { toWirePaired, toWirePending } from "../state";
import type { StoredPairedDevice } from "../types";
import { checkParams, invalid } from "./params";
import type { MethodCall, MethodHandler, Session } from "./types";

// device.pair.* (spec §7), with the real gateway's schemas and its management rules: a
// non-admin caller that authenticated with a device token manages only its own device, and
// only an admin approves a non-operator role.

function isAdmin(session: Session): boolean {
  return session.scopes.includes(OPERATOR_SCOPES.admin);
}

/** The device a device-token caller is bound to; undefined for shared-secret callers. */
function boundDevice(session: Session): string | undefined {
  return session.deviceTokenAuth && session.deviceId ? session.deviceId : undefined;
}

function deniesOtherDevice(session: Session, deviceId: string): boolean {
  const own = boundDevice(session);
  return own !== undefined && own !== deviceId.trim() && !isAdmin(session);
}

function hasNonOperatorRole(device: { role?: string; roles?: string[] }): boolean {
  return [device.role, ...(device.roles ?? [])].some((role) => role && role !== "operator");
}

function pairedHasNonOperatorRole(device: StoredPairedDevice): boolean {
  return hasNonOperatorRole(device) || (device.tokens ?? []).some((t) => t.role !== "operator");
}

/** A non-admin device-token caller may not touch a device holding a non-operator role. */
function deniesRoleManagement(session: Session, device: StoredPairedDevice | undefined) {
  return boundDevice(session) !== undefined && !isAdmin(session) && device !== undefined
    ? pairedHasNonOperatorRole(device)
    : false;
}

function approve({ ctx, method, params, session }: MethodCall) {
  const read = checkParams(method, params);
  if (!read.ok) return read.result;
  const requestId = (read.values.requestId as string).trim();
  if (!isAdmin(session)) {
    // A non-admin learns nothing about ids it may not approve (observed wording).
    const pending = ctx.state.livePending(requestId);
    const own = boundDevice(session);
    if (!pending || (own && pending.deviceId !== own) || hasNonOperatorRole(pending)) {
      return invalid("device pairing approval denied");
    }
  }
  const approved = approvePairing(ctx.state, ctx.clock, requestId, {
    approvedVia: "owner",
    callerScopes: session.scopes,
  });
  if (!approved) return invalid(UNKNOWN_REQUEST_ID_MESSAGE);
  if (!approved.ok) return invalid(approved.message);
  const { device } = approved;
  void ctx.state.persist();
  ctx.broadcastPairingEvent(EVENTS.pairResolved, {
    requestId,
    deviceId: device.deviceId,
    decision: DECISIONS.approved,
    ts: ctx.clock.now(),
  });
  return { ok: true as const, payload: { requestId, device: toWirePaired(device) } };
}

function reject({ ctx, method, params, session }: MethodCall) {
  const read = checkParams(method, params);
  if (!read.ok) return read.result;
  const requestId = (read.values.requestId as string).trim();
  const own = boundDevice(session);
  if (own && !isAdmin(session)) {
    const pending = ctx.state.livePending(requestId);
    if (!pending || pending.deviceId !== own) return invalid("device pairing rejection denied");
  }
  const request = rejectPairing(ctx.state, requestId);
  if (!request) return invalid(UNKNOWN_REQUEST_ID_MESSAGE);
  void ctx.state.persist();
  ctx.broadcastPairingEvent(EVENTS.pairResolved, {
    requestId,
    deviceId: request.deviceId,
    decision: DECISIONS.rejected,
    ts: ctx.clock.now(),
  });
  return { ok: true as const, payload: { requestId, deviceId: request.deviceId } };
}

export const devicePairHandlers: Record<string, MethodHandler> = {
  [METHODS.pairList]: ({ ctx, method, params, session }) => {
    const read = checkParams(method, params);
    if (!read.ok) return read.result;
    ctx.state.pruneExpired();
    const own = isAdmin(session) ? undefined : boundDevice(session);
    const visible = (deviceId: string) => own === undefined || deviceId.trim() === own;
    const pending = [...ctx.state.pending.values()]
      .filter((request) => visible(request.deviceId))
      .sort((a, b) => b.ts - a.ts)
      .map(toWirePending);
    const paired = [...ctx.state.paired.values()]
      .filter((device) => visible(device.deviceId))
      .sort((a, b) => (b.approvedAtMs ?? 0) - (a.approvedAtMs ?? 0))
      .map((device) => toWirePaired(device, ctx.isDeviceConnected(device.deviceId)));
    return { ok: true, payload: { pending, paired } };
  },

  [METHODS.pairApprove]: approve,
  [METHODS.pairReject]: reject,

  [METHODS.pairRemove]: ({ ctx, method, params, session }) => {
    const read = checkParams(method, params);
    if (!read.ok) return read.result;
    const deviceId = (read.values.deviceId as string).trim();
    const target = ctx.state.paired.get(deviceId);
    if (deniesOtherDevice(session, deviceId) || deniesRoleManagement(session, target)) {
      return invalid("device pairing removal denied");
    }
    if (!ctx.state.paired.delete(deviceId)) return invalid(UNKNOWN_DEVICE_ID_MESSAGE);
    // Pending repairs of the removed device go with it; no event is sent (observed).
    ctx.state.pending.deleteDevice(deviceId);
    void ctx.state.persist();
    // A removed device loses its sockets right after the answer, as on the real gateway.
    return {
      ok: true,
      payload: { deviceId },
      after: () => ctx.disconnectDevice(deviceId),
    };
  },

  [METHODS.pairRename]: ({ ctx, method, params, session }) => {
    const read = checkParams(method, params);
    if (!read.ok) return read.result;
    const deviceId = read.values.deviceId as string;
    const label = (read.values.label as string).trim();
    if (!label) return invalid("label required");
    const device = ctx.state.paired.get(deviceId.trim());
    if (deniesOtherDevice(session, deviceId) || deniesRoleManagement(session, device)) {
      return invalid("device pairing rename denied");
    }
    if (!device) return invalid(UNKNOWN_DEVICE_ID_MESSAGE);
    device.operatorLabel = label;
    void ctx.state.persist();
    // The real gateway stores the label as operatorLabel and only says "something changed".
    ctx.broadcastPairingEvent(EVENTS.pairChanged, {});
    return { ok: true, payload: { deviceId, label } };
  },
};
