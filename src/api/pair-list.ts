import { useMutationState, useQuery } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";
import { useGatewayConnection } from "../gateway/context";
import type { PairList, PendingRequest } from "../protocol";
import { decisionMutationKey, type DecisionVariables } from "./decision-keys";
import { usePairEvents } from "./pair-events";
import { pairListQueryOptions } from "./pair-list-query";

export { pairListQueryKey, pairListQueryOptions } from "./pair-list-query";

export function usePairList() {
  const connection = useGatewayConnection();
  const connected = useSyncExternalStore(
    (onChange) => connection.onStatus(onChange),
    () => connection.status.kind === "connected",
  );
  // Before the first hello there is nobody to ask; the resync after hello fetches it.
  return useQuery({ ...pairListQueryOptions(connection), enabled: connected });
}

/** Request ids this tab is deciding right now: hidden from the list until the gateway answers. */
export function useDecidingRequestIds(): ReadonlySet<string> {
  const variables = useMutationState({
    filters: { mutationKey: decisionMutationKey, status: "pending" },
    select: (mutation) => mutation.state.variables as DecisionVariables | undefined,
  });
  const key = variables.flatMap((v) => v?.requestIds ?? []).join("\n");
  return useMemo(() => new Set(key ? key.split("\n") : []), [key]);
}

const NO_PENDING: PendingRequest[] = [];
const NO_PAIRED: PairList["paired"] = [];

/** The pending requests an admin still has to decide (optimistic: in-flight ones are left out). */
export function usePendingRequests(): {
  pending: PendingRequest[];
  paired: PairList["paired"];
  query: ReturnType<typeof usePairList>;
} {
  const query = usePairList();
  const deciding = useDecidingRequestIds();
  const data = query.data;
  // The cached array itself when nothing is being decided, so what is derived from it per
  // array (indexes, views) carries over.
  const pending = useMemo(() => {
    const all = data?.pending ?? NO_PENDING;
    return deciding.size === 0 ? all : all.filter((request) => !deciding.has(request.requestId));
  }, [data, deciding]);
  return { pending, paired: data?.paired ?? NO_PAIRED, query };
}

/**
 * How many requests wait for a decision (for the nav badge). Keeps the list live by itself,
 * so the badge stays right on every screen, not only while the approvals page is open.
 */
export function usePendingCount(): number {
  usePairEvents();
  return usePendingRequests().pending.length;
}
