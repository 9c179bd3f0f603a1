import { DECISIONS, EVENTS, METHODS, UNKNOWN_REQUEST_ID_MESSAGE } from "../../../src/protocol";
import { approvePairing, rejectPairing } from "../pairing";
import { toWirePaired, toWirePending } from "../state";
import { invalid, requireStrings } from "./params";
import type { MethodHandler } from "./types";

// device.pair.* (spec §7). Every change is persisted and announced to pairing holders.

export const devicePairHandlers: Record<string, MethodHandler> = {
  [METHODS.pairList]: ({ ctx }) => {
    ctx.state.pruneExpired();
    const pending = [...ctx.state.pending.values()].sort((a, b) => b.ts - a.ts).map(toWirePending);
    const paired = [...ctx.state.paired.values()]
      .sort((a, b) => (b.approvedAtMs ?? 0) - (a.approvedAtMs ?? 0))
      .map((device) => toWirePaired(device, ctx.isDeviceConnected(device.deviceId)));
    return { ok: true, payload: { pending, paired } };
  },

  [METHODS.pairApprove]: ({ ctx, method, params }) => {
    const read = requireStrings(method, params, ["requestId"]);
    if (!read.ok) return read.result;
    const { requestId } = read.values;
    const device = approvePairing(ctx.state, ctx.clock, requestId, "owner");
    if (!device) return invalid(UNKNOWN_REQUEST_ID_MESSAGE);
    void ctx.state.persist();
    ctx.broadcastPairingEvent(EVENTS.pairResolved, {
      requestId,
      deviceId: device.deviceId,
      decision: DECISIONS.approved,
      ts: ctx.clock.now(),
    });
    return { ok: true, payload: { requestId, device: toWirePaired(device) } };
  },

  [METHODS.pairReject]: ({ ctx, method, params }) => {
    const read = requireStrings(method, params, ["requestId"]);
    if (!read.ok) return read.result;
    const { requestId } = read.values;
    const request = rejectPairing(ctx.state, requestId);
    if (!request) return invalid(UNKNOWN_REQUEST_ID_MESSAGE);
    void ctx.state.persist();
    ctx.broadcastPairingEvent(EVENTS.pairResolved, {
      requestId,
      deviceId: request.deviceId,
      decision: DECISIONS.rejected,
      ts: ctx.clock.now(),
    });
    return { ok: true, payload: { requestId, deviceId: request.deviceId } };
  },

  [METHODS.pairRemove]: ({ ctx, method, params }) => {
    const read = requireStrings(method, params, ["deviceId"]);
    if (!read.ok) return read.result;
    const deviceId = read.values.deviceId.trim();
    if (!ctx.state.paired.delete(deviceId)) return invalid("unknown deviceId");
    void ctx.state.persist();
    // A removed device loses its sockets right after the answer, as on the real gateway.
    return {
      ok: true,
      payload: { deviceId },
      after: () => ctx.disconnectDevice(deviceId, "device removed"),
    };
  },

  [METHODS.pairRename]: ({ ctx, method, params }) => {
    const read = requireStrings(method, params, ["deviceId", "label"]);
    if (!read.ok) return read.result;
    const label = read.values.label.trim();
    if (!label) return invalid("label required");
    const device = ctx.state.paired.get(read.values.deviceId.trim());
    if (!device) return invalid("unknown deviceId");
    device.label = label;
    void ctx.state.persist();
    return { ok: true, payload: { deviceId: device.deviceId, label } };
  },
};
