import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { useGatewayConnection } from "../gateway/context";
import { readGatewayError, type GatewayErrorInfo } from "../gateway/gateway-errors";
import { shortDeviceId } from "../policy";
import { EVENTS, METHODS, OPERATOR_SCOPES, ROLES, readNodePairList } from "../protocol";
import type { NodePairList } from "../protocol";
import { useHistoryStore } from "./history-store";
import { DECIDERS, HISTORY_KINDS } from "./history-types";
import { pairListQueryKey, UnreadableAnswerError } from "./pair-list";

// Node capability requests (`node.pair.list`), re-read whenever a node.pair event arrives or
// the socket resyncs, and the decisions on them, each written to the history log.

export const nodePairListQueryKey = ["gateway", METHODS.nodePairList] as const;

const NODE_EVENTS: ReadonlySet<string> = new Set([
  EVENTS.nodePairRequested,
  EVENTS.nodePairResolved,
]);

export function useNodePairList() {
  const connection = useGatewayConnection();
  const queryClient = useQueryClient();
  // The list needs operator.pairing (admin passes everything); without it nobody asks.
  const allowed = useSyncExternalStore(
    (onChange) => connection.onStatus(onChange),
    () =>
      connection.status.kind === "connected" &&
      [OPERATOR_SCOPES.pairing, OPERATOR_SCOPES.admin].some((s) => connection.scopes.includes(s)),
  );
  useEffect(() => {
    const reread = () => void queryClient.invalidateQueries({ queryKey: nodePairListQueryKey });
    const stopEvents = connection.onEvent((frame) => {
      if (NODE_EVENTS.has(frame.event)) reread();
    });
    const stopResync = connection.onResync(reread);
    return () => {
      stopEvents();
      stopResync();
    };
  }, [connection, queryClient]);
  return useQuery({
    queryKey: nodePairListQueryKey,
    queryFn: async (): Promise<NodePairList> => {
      const read = readNodePairList(await connection.request<unknown>(METHODS.nodePairList, {}));
      connection.reportUnreadable(read ? read.dropped : 1);
      if (!read) throw new UnreadableAnswerError(METHODS.nodePairList);
      return read.list;
    },
    staleTime: Infinity,
    enabled: allowed,
  });
}

export type NodeAction = {
  type: "approve" | "reject" | "remove";
  /** requestId for approve / reject, nodeId for remove. */
  id: string;
  nodeId: string;
  name: string;
  commands: readonly string[];
};

const SENT = {
  approve: { method: METHODS.nodePairApprove, kind: HISTORY_KINDS.approved, key: "requestId" },
  reject: { method: METHODS.nodePairReject, kind: HISTORY_KINDS.rejected, key: "requestId" },
  remove: { method: METHODS.nodePairRemove, kind: HISTORY_KINDS.removed, key: "nodeId" },
} as const;

export function useNodeAction(report: (action: NodeAction, problem?: GatewayErrorInfo) => void) {
  const connection = useGatewayConnection();
  const queryClient = useQueryClient();
  const history = useHistoryStore();
  return useMutation({
    mutationFn: (action: NodeAction) => {
      const { method, key } = SENT[action.type];
      return connection.request<unknown>(method, { [key]: action.id });
    },
    onSettled: (_answer, error, action) => {
      const problem = error ? readGatewayError(error) : undefined;
      history.record({
        kind: SENT[action.type].kind,
        deviceId: action.nodeId,
        deviceName: action.name || shortDeviceId(action.nodeId),
        requestId: action.type === "remove" ? undefined : action.id,
        role: ROLES.node,
        decidedBy: DECIDERS.thisBrowser,
        outcome: problem ? "refused" : "done",
        note: problem?.message ?? `Commands: ${action.commands.join(", ") || "none"}`,
      });
      void queryClient.invalidateQueries({ queryKey: nodePairListQueryKey });
      // Removing a node changes its device's row too (its roles, or the row itself).
      if (action.type === "remove")
        void queryClient.invalidateQueries({ queryKey: pairListQueryKey });
      report(action, problem);
    },
  }).mutate;
}
