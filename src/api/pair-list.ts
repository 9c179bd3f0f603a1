import { queryOptions, useQuery } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";
import { useGatewayConnection } from "../gateway/context";
import type { GatewayConnection } from "../gateway/types";
import { METHODS, readPairList, type PairList, type PendingRequest } from "../protocol";
import { useIdsDecidedHere } from "./deciding";

// The one query for `device.pair.list`: pending requests and paired devices together.

export const pairListQueryKey = ["gateway", METHODS.pairList] as const;

/** The gateway's answer could not be read at all (not `{pending: [], paired: []}`). */
export const unreadableAnswer = (method: string) =>
  new Error(`the gateway's answer to ${method} could not be read`);

/** The queryFn that asks `method` for its list; what the reader left out counts as unreadable. */
export function listQueryFn<L>(
  connection: GatewayConnection,
  method: string,
  readList: (value: unknown) => { list: L; unreadable: number } | undefined,
) {
  return async (): Promise<L> => {
    const read = readList(await connection.request<unknown>(method, {}));
    connection.reportUnreadable(read ? read.unreadable : 1);
    if (!read) throw unreadableAnswer(method);
    return read.list;
  };
}

export function pairListQueryOptions(connection: GatewayConnection) {
  return queryOptions({
    queryKey: pairListQueryKey,
    queryFn: listQueryFn(connection, METHODS.pairList, readPairList),
    // The socket keeps this fresh (pair-events.ts patches it and refetches on resync).
    staleTime: Infinity,
  });
}

export function usePairList() {
  const connection = useGatewayConnection();
  const connected = useSyncExternalStore(
    (onChange) => connection.onStatus(onChange),
    () => connection.status.kind === "connected",
  );
  // Before the first hello there is nobody to ask; the resync after hello fetches it.
  return useQuery({ ...pairListQueryOptions(connection), enabled: connected });
}

const NO_PENDING: PendingRequest[] = [];
const NO_PAIRED: PairList["paired"] = [];

/** The requests an admin still has to decide: the ones this tab is deciding are left out. */
export function usePendingRequests() {
  const query = usePairList();
  const deciding = useIdsDecidedHere();
  const data = query.data;
  const pending = useMemo(() => {
    const all = data?.pending ?? NO_PENDING;
    return deciding.size === 0 ? all : all.filter((request) => !deciding.has(request.requestId));
  }, [data, deciding]);
  return { pending, paired: data?.paired ?? NO_PAIRED, query };
}
