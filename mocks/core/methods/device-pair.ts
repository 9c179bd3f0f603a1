import {
  DECISIONS,
  EVENTS,
  METHODS,
  UNKNOWN_DEVICE_ID_MESSAGE,
  UNKNOWN_REQUEST_ID_MESSAGE,
} from "../../../src/protocol";
import { approvePairing, rejectPairing } from "../pairing";
import { toWirePaired, toWirePending } from "../state";
import {
  boundDevice,
  deniesOtherDevice,
  deniesRoleManagement,
  hasNonOperatorRole,
  isAdmin,
  limitedTo,
} from "./management-authz";
import { checkParams, invalid } from "./params";
import type { MethodCall, MethodHandler } from "./types";

// device.pair.* (spec §7), with the real gateway's schemas and its management rules
// (./management-authz.ts).

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
  const own = limitedTo(session);
  if (own) {
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
    const own = limitedTo(session);
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
