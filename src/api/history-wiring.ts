import type { QueryClient } from "@tanstack/react-query";
import type { PairList } from "../protocol";
import { decisionMutationKey, type DecisionVariables } from "./decision-keys";
import type { HistoryRecorderOptions } from "./history-recorder";
import { pairListQueryKey } from "./pair-list";

// How the recorder learns, from this app's query client, what the events alone do not say:
// whether this browser made a decision, and what a request asked when it was already pending
// before the recorder started (it came with the list, not as an event).

type DecisionOutcome = { requestId: string; status: string };

export function historyRecorderOptions(queryClient: QueryClient): HistoryRecorderOptions {
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
    lookupPending(requestId) {
      const list = queryClient.getQueryData<PairList>(pairListQueryKey);
      return list?.pending.find((request) => request.requestId === requestId);
    },
  };
}
