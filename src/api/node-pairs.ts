import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { useGatewayConnection } from "../gateway/context";
import { scopesSatisfy } from "../policy";
import { EVENTS, METHODS, OPERATOR_SCOPES, readNodePairList } from "../protocol";
import { listQueryFn } from "./pair-list";

// Node capability requests, re-read on every node.pair event and resync.

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
      scopesSatisfy(connection.scopes, [OPERATOR_SCOPES.pairing]),
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
    queryFn: listQueryFn(connection, METHODS.nodePairList, readNodePairList),
    staleTime: Infinity,
    enabled: allowed,
  });
}
