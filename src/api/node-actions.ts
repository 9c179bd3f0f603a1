import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useGatewayConnection } from "../gateway/context";
import { readGatewayError, type GatewayErrorInfo } from "../gateway/gateway-errors";
import { METHODS, ROLES, type NodeRequest, type PairedNode } from "../protocol";
import { useHistoryStore } from "./history-store";
import { DECIDERS, HISTORY_KINDS } from "./history-types";
import { nodePairListQueryKey } from "./node-pairs";
import { pairListQueryKey } from "./pair-list";

// Decisions on node capability requests, node removal and rename, each written to the history
// log. The gateway announces no rename: the list is re-read after every action.

export type NodeAction = {
  type: "approve" | "reject" | "remove" | "rename";
  item: NodeRequest | PairedNode;
  name: string;
  displayName?: string;
};

const SENT = {
  approve: { method: METHODS.nodePairApprove, kind: HISTORY_KINDS.approved, key: "requestId" },
  reject: { method: METHODS.nodePairReject, kind: HISTORY_KINDS.rejected, key: "requestId" },
  remove: { method: METHODS.nodePairRemove, kind: HISTORY_KINDS.removed, key: "nodeId" },
  rename: { method: METHODS.nodeRename, kind: HISTORY_KINDS.renamed, key: "nodeId" },
} as const;

export function useNodeAction(report: (action: NodeAction, problem?: GatewayErrorInfo) => void) {
  const connection = useGatewayConnection();
  const queryClient = useQueryClient();
  const history = useHistoryStore();
  return useMutation({
    mutationFn: (action: NodeAction) => {
      const { method, key } = SENT[action.type];
      const { item, displayName } = action;
      const id = "requestId" in item ? item.requestId : item.nodeId;
      return connection.request<unknown>(method, { [key]: id, displayName });
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
        note:
          problem?.message ??
          (action.displayName !== undefined
            ? `New name: “${action.displayName}”`
            : `Commands: ${commands.join(", ") || "none"}`),
      });
      void queryClient.invalidateQueries({ queryKey: nodePairListQueryKey });
      // Removing a node changes its device's row too (its roles, or the row itself).
      if (action.type === "remove")
        void queryClient.invalidateQueries({ queryKey: pairListQueryKey });
      report(action, problem);
    },
  }).mutate;
}
