import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { useGatewayConnection } from "../gateway/context";
import { EVENTS, METHODS, OPERATOR_SCOPES, readNodePairList, type NodePairList } from "../protocol";
import { UnreadableAnswerError } from "./pair-list";

// Node capability requests (`node.pair.list`), re-read whenever a node.pair event arrives or
// the socket resyncs (node-actions.ts decides them).

export const nodePairListQueryKey = ["gateway", METHODS.nodePairList] as const;
export const setupStatusQueryKey = ["gateway", METHODS.setupStatus] as const;

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
      connection.reportUnreadable(read ? read.unreadable : 1);
      if (!read) throw new UnreadableAnswerError(METHODS.nodePairList);
      return read.list;
    },
    staleTime: Infinity,
    enabled: allowed,
  });
}
