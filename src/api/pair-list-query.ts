import { queryOptions } from "@tanstack/react-query";
import type { GatewayConnection } from "../gateway/types";
import { METHODS, type PairList } from "../protocol";
import { sharePairList } from "./pair-list-reducer";
import { parsePairList, UnreadableAnswerError } from "./pair-parse";

// The one query for `device.pair.list`: pending requests and paired devices together.

export const pairListQueryKey = ["gateway", METHODS.pairList] as const;

export function pairListQueryOptions(connection: GatewayConnection) {
  return queryOptions({
    queryKey: pairListQueryKey,
    queryFn: async (): Promise<PairList> => {
      const answer = await connection.request<unknown>(METHODS.pairList, {});
      try {
        const { list, dropped } = parsePairList(answer);
        connection.reportUnreadable(dropped);
        return list;
      } catch (error) {
        if (error instanceof UnreadableAnswerError) connection.reportUnreadable();
        throw error;
      }
    },
    // The socket keeps this fresh (pair-events.ts patches it and refetches on resync).
    staleTime: Infinity,
    structuralSharing: sharePairList,
  });
}
