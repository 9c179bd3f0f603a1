import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { useGatewayConnection } from "../gateway/context";
import { readGatewayError, type GatewayErrorInfo } from "../gateway/gateway-errors";
import { EVENTS, METHODS, OPERATOR_SCOPES, ROLES, readNodePairList } from "../protocol";
import type { NodePairList, NodeRequest, PairedNode } from "../protocol";
import { useHistoryStore } from "./history-store";
import { DECIDERS, HISTORY_KINDS } from "./history-types";
import { pairListQueryKey, UnreadableAnswerError } from "./pair-list";
import { setupStatusQueryKey } from "./setup-codes";

// Node capability requests (`node.pair.list`), re-read whenever a node.pair event arrives or
// the socket resyncs, and the decisions on them, each written to the history log.

export const nodePairListQueryKey = ["gateway", METHODS.nodePairList] as const;

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
    const stopEvents = connection.onEvent(({ event }) => {
      if (event === EVENTS.nodePairRequested || event === EVENTS.nodePairResolved) reread();
      // The Nodes screen's setup codes hear of their use here too.
      if (event === EVENTS.setupCompleted || event === EVENTS.setupUncertain)
        void queryClient.invalidateQueries({ queryKey: setupStatusQueryKey });
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
  item: NodeRequest | PairedNode;
  name: string;
};

const SENT = {
  approve: { method: METHODS.nodePairApprove, kind: HISTORY_KINDS.approved, key: "requestId" },
  reject: { method: METHODS.nodePairReject, kind: HISTORY_KINDS.rejected, key: "requestId" },
  remove: { method: METHODS.nodePairRemove, kind: HISTORY_KINDS.removed, key: "nodeId" },
} as const;

const idOf = ({ item }: NodeAction) => ("requestId" in item ? item.requestId : item.nodeId);

export function useNodeAction(report: (action: NodeAction, problem?: GatewayErrorInfo) => void) {
  const connection = useGatewayConnection();
  const queryClient = useQueryClient();
  const history = useHistoryStore();
  return useMutation({
    mutationFn: (action: NodeAction) => {
      const { method, key } = SENT[action.type];
      return connection.request<unknown>(method, { [key]: idOf(action) });
    },
    onSettled: (_answer, error, action) => {
      const problem = error ? readGatewayError(error) : undefined;
      const { nodeId, commands } = action.item;
      history.record({
        kind: SENT[action.type].kind,
        deviceId: nodeId,
        deviceName: action.name,
        requestId: "requestId" in action.item ? action.item.requestId : undefined,
        role: ROLES.node,
        decidedBy: DECIDERS.thisBrowser,
        outcome: problem ? "refused" : "done",
        note: problem?.message ?? `Commands: ${commands.join(", ") || "none"}`,
      });
      void queryClient.invalidateQueries({ queryKey: nodePairListQueryKey });
      // Removing a node changes its device's row too (its roles, or the row itself).
      if (action.type === "remove")
        void queryClient.invalidateQueries({ queryKey: pairListQueryKey });
      report(action, problem);
    },
  }).mutate;
}
