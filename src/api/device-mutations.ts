import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useGatewayConnection } from "../gateway/context";
import { isUnknownId, readGatewayError, type GatewayErrorInfo } from "../gateway/gateway-errors";
import { deviceName, shortDeviceId } from "../policy";
import {
  METHODS,
  readTokenChange,
  UNKNOWN_DEVICE_ID_MESSAGE,
  type DeviceTokenSummary,
  type PairedDevice,
  type PairList,
} from "../protocol";
import { useHistoryStore } from "./history-store";
import { DECIDERS, HISTORY_KINDS } from "./history-types";
import { pairListQueryKey } from "./pair-list";

// Rename, remove, rotate and revoke: each patches the cached list at once, puts the device back
// if the gateway refuses, and is written to the history log as this browser's action.

export type DeviceAction =
  | { type: "rename"; deviceId: string; label: string }
  | { type: "remove"; deviceId: string }
  | { type: "rotate"; deviceId: string; role: string }
  | { type: "revoke"; deviceId: string; role: string };

export type DeviceActionResult =
  | { action: DeviceAction; deviceName: string; status: "done" }
  /** The gateway no longer knows the device: someone removed it elsewhere. */
  | { action: DeviceAction; deviceName: string; status: "gone" }
  | { action: DeviceAction; deviceName: string; status: "refused"; problem: GatewayErrorInfo };

type Context = { before?: PairedDevice; index: number };

function patchDevice(
  list: PairList,
  deviceId: string,
  patch: (d: PairedDevice) => PairedDevice | undefined,
): PairList {
  const index = list.paired.findIndex((device) => device.deviceId === deviceId);
  const current = list.paired[index];
  if (!current) return list;
  const next = patch(current);
  const paired = next ? list.paired.with(index, next) : list.paired.toSpliced(index, 1);
  return { ...list, paired };
}

function patchToken(device: PairedDevice, role: string, patch: Partial<DeviceTokenSummary>) {
  const tokens = (device.tokens ?? []).map((token) =>
    token.role === role ? { ...token, ...patch } : token,
  );
  return { ...device, tokens };
}

export function optimisticPatch(list: PairList, action: DeviceAction, now: number): PairList {
  return patchDevice(list, action.deviceId, (device) => {
    switch (action.type) {
      case "rename":
        return { ...device, operatorLabel: action.label };
      case "remove":
        return undefined;
      case "rotate":
        return patchToken(device, action.role, { rotatedAtMs: now, revokedAtMs: undefined });
      case "revoke":
        return patchToken(device, action.role, { revokedAtMs: now });
    }
  });
}

/** Puts `before` back where it was (only that device: events may have changed the rest). */
export function rollback(list: PairList, before: PairedDevice, index: number): PairList {
  const at = list.paired.findIndex((device) => device.deviceId === before.deviceId);
  if (at >= 0) return { ...list, paired: list.paired.with(at, before) };
  return { ...list, paired: list.paired.toSpliced(Math.min(index, list.paired.length), 0, before) };
}

export const isUnknownDevice = (problem: GatewayErrorInfo) =>
  isUnknownId(problem, UNKNOWN_DEVICE_ID_MESSAGE);

// Each action's fields besides `type` are the method's parameters.
const SENT = {
  rename: { method: METHODS.pairRename, kind: HISTORY_KINDS.renamed },
  remove: { method: METHODS.pairRemove, kind: HISTORY_KINDS.removed },
  rotate: { method: METHODS.tokenRotate, kind: HISTORY_KINDS.tokenRotated },
  revoke: { method: METHODS.tokenRevoke, kind: HISTORY_KINDS.tokenRevoked },
} as const;

export function useDeviceAction(report?: (result: DeviceActionResult) => void) {
  const connection = useGatewayConnection();
  const queryClient = useQueryClient();
  const history = useHistoryStore();
  const setList = (update: (list: PairList) => PairList) =>
    queryClient.setQueryData<PairList>(pairListQueryKey, (list) => (list ? update(list) : list));

  const mutation = useMutation<unknown, Error, DeviceAction, Context>({
    mutationFn: ({ type, ...params }) => connection.request<unknown>(SENT[type].method, params),
    onMutate: async (action) => {
      // A refetch already in flight would otherwise land on top of the optimistic change.
      await queryClient.cancelQueries({ queryKey: pairListQueryKey });
      const list = queryClient.getQueryData<PairList>(pairListQueryKey);
      const index = list?.paired.findIndex((device) => device.deviceId === action.deviceId) ?? -1;
      setList((current) => optimisticPatch(current, action, Date.now()));
      return { before: list?.paired[index], index };
    },
    onSuccess: (answer, action) => {
      if (action.type === "rotate" || action.type === "revoke") {
        const { rotatedAtMs, revokedAtMs, scopes } = readTokenChange(answer) ?? {};
        const patch = action.type === "rotate" ? { rotatedAtMs } : { revokedAtMs };
        setList((list) =>
          patchDevice(list, action.deviceId, (device) =>
            patchToken(device, action.role, scopes ? { ...patch, scopes } : patch),
          ),
        );
        // The gateway drops the device's sockets on the role: re-read "connected".
        void queryClient.invalidateQueries({ queryKey: pairListQueryKey });
      }
    },
    onError: (error, action, context) => {
      if (context?.before) {
        const before = context.before;
        setList((list) => rollback(list, before, context.index));
      }
      if (isUnknownDevice(readGatewayError(error))) {
        setList((list) => patchDevice(list, action.deviceId, () => undefined));
      }
    },
    onSettled: (_answer, error, action, context) => {
      const name = context?.before ? deviceName(context.before) : shortDeviceId(action.deviceId);
      const problem = error ? readGatewayError(error) : undefined;
      history.record({
        kind: SENT[action.type].kind,
        deviceId: action.deviceId,
        deviceName: name,
        role: action.type === "rotate" || action.type === "revoke" ? action.role : undefined,
        decidedBy: DECIDERS.thisBrowser,
        outcome: problem ? "refused" : "done",
        note:
          problem?.message ??
          (action.type === "rename" ? `New name: “${action.label}”` : undefined),
      });
      if (!problem) report?.({ action, deviceName: name, status: "done" });
      else if (isUnknownDevice(problem)) report?.({ action, deviceName: name, status: "gone" });
      else report?.({ action, deviceName: name, status: "refused", problem });
    },
  });
  return mutation.mutate;
}
