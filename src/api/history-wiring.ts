import { hashKey, type QueryClient } from "@tanstack/react-query";
import type { PairedDevice, PairList, PendingRequest } from "../protocol";
import { decisionMutationKey, type DecisionVariables } from "./decision-keys";
import type { HistoryRecorderOptions } from "./history-recorder";
import { pairListQueryKey } from "./pair-list";

// How the recorder learns, from this app's query client, what the events alone do not say:
// whether this browser made a decision, what a request asked when it was already pending
// before the recorder started (it came with the list, not as an event), and the name of a
// device approved silently (only its paired record has one).

type DecisionOutcome = { requestId: string; status: string };

type ListIndex = { pending: Map<string, PendingRequest>; paired: Map<string, PairedDevice> };

// One index per list value (a new one per cache write), so a burst of decisions does not scan
// 10,000 entries per event.
const indexes = new WeakMap<PairList, ListIndex>();

function indexOf(list: PairList): ListIndex {
  let index = indexes.get(list);
  if (!index) {
    index = {
      pending: new Map(list.pending.map((request) => [request.requestId, request])),
      paired: new Map(list.paired.map((device) => [device.deviceId, device])),
    };
    indexes.set(list, index);
  }
  return index;
}

const listHash = hashKey(pairListQueryKey);

export function historyRecorderOptions(queryClient: QueryClient): HistoryRecorderOptions {
  const index = () => {
    const list = queryClient.getQueryData<PairList>(pairListQueryKey);
    return list && indexOf(list);
  };
  return {
    isOwnDecision(requestId) {
      // Finished mutations stay in the cache for a while, so this holds whether the gateway's
      // event comes before its answer (as observed) or just after it.
      return queryClient
        .getMutationCache()
        .findAll({ mutationKey: decisionMutationKey })
        .some((mutation) => {
          const variables = mutation.state.variables as DecisionVariables | undefined;
          if (!variables?.requestIds.includes(requestId)) return false;
          if (mutation.state.status === "pending") return true;
          const results = mutation.state.data as DecisionOutcome[] | undefined;
          return results?.some((r) => r.requestId === requestId && r.status === "done") ?? false;
        });
    },
    lookupPending: (requestId) => index()?.pending.get(requestId),
    lookupPaired: (deviceId) => index()?.paired.get(deviceId),
    watchPaired(listener) {
      return queryClient.getQueryCache().subscribe((event) => {
        if (event.type === "updated" && event.query.queryHash === listHash) listener();
      });
    },
  };
}
