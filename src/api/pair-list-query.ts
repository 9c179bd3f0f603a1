import { queryOptions } from "@tanstack/react-query";
import type { GatewayConnection } from "../gateway/types";
import { METHODS, type PairList } from "../protocol";

// The one query for `device.pair.list`: pending requests and paired devices together.

export const pairListQueryKey = ["gateway", METHODS.pairList] as const;

export function pairListQueryOptions(connection: GatewayConnection) {
  return queryOptions({
    queryKey: pairListQueryKey,
    queryFn: () => connection.request<PairList>(METHODS.pairList, {}),
    // The socket keeps this fresh (pair-events.ts patches it and refetches on resync).
    staleTime: Infinity,
  });
}
