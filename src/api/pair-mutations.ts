import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useGatewayConnection } from "../gateway/context";
import { readGatewayError } from "../gateway/gateway-errors";
import type { GatewayConnection } from "../gateway/types";
import {
  DECISIONS,
  ERROR_CODES,
  METHODS,
  UNKNOWN_REQUEST_ID_MESSAGE,
  type ApproveResult,
  type Decision,
  type PairList,
} from "../protocol";
import { decisionMutationKey, type DecisionVariables } from "./decision-keys";
import { removePending, upsertPaired } from "./pair-list-reducer";
import { pairListQueryKey } from "./pair-list-query";

// Approve / reject one or many requests. The optimistic part is in the list itself: a
// request being decided is hidden (usePendingRequests) until the gateway answers, and shows
// again on its own if the gateway refuses — that is the rollback.

export type DecisionResult =
  | { requestId: string; decision: Decision; status: "done" }
  /** `unknown requestId`: another admin, tab or CLI got there first, or it expired. */
  | { requestId: string; decision: Decision; status: "already-handled" }
  | { requestId: string; decision: Decision; status: "failed"; message: string; code?: string };

export type DecisionReport = (results: DecisionResult[]) => void;

async function decideOne(
  connection: GatewayConnection,
  queryClient: QueryClient,
  decision: Decision,
  requestId: string,
): Promise<DecisionResult> {
  const method = decision === DECISIONS.approved ? METHODS.pairApprove : METHODS.pairReject;
  try {
    const result = await connection.request<ApproveResult | undefined>(method, { requestId });
    queryClient.setQueryData<PairList>(pairListQueryKey, (list) => {
      if (!list) return list;
      const without = removePending(list, [requestId]);
      return result && "device" in result && result.device
        ? upsertPaired(without, result.device)
        : without;
    });
    return { requestId, decision, status: "done" };
  } catch (error) {
    const problem = readGatewayError(error);
    if (isUnknownRequestId(problem)) {
      queryClient.setQueryData<PairList>(pairListQueryKey, (list) =>
        list ? removePending(list, [requestId]) : list,
      );
      return { requestId, decision, status: "already-handled" };
    }
    return { requestId, decision, status: "failed", message: problem.message, code: problem.code };
  }
}

function isUnknownRequestId(problem: { code: string; message: string }): boolean {
  return (
    problem.code === ERROR_CODES.invalidRequest &&
    problem.message.includes(UNKNOWN_REQUEST_ID_MESSAGE)
  );
}

/** Ids this tab is already deciding: a double click or a second bulk action must not resend. */
function inFlight(queryClient: QueryClient): Set<string> {
  const ids = new Set<string>();
  for (const mutation of queryClient
    .getMutationCache()
    .findAll({ mutationKey: decisionMutationKey, status: "pending" })) {
    const variables = mutation.state.variables as DecisionVariables | undefined;
    variables?.requestIds.forEach((id) => ids.add(id));
  }
  return ids;
}

export function useDecideRequests(report?: DecisionReport) {
  const connection = useGatewayConnection();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationKey: decisionMutationKey,
    mutationFn: async ({ decision, requestIds }: DecisionVariables) => {
      const results = await Promise.all(
        requestIds.map((id) => decideOne(connection, queryClient, decision, id)),
      );
      if (results.some((result) => result.status === "already-handled")) {
        // Re-read: whatever made ours stale may have changed other requests too.
        void queryClient.invalidateQueries({ queryKey: pairListQueryKey });
      }
      return results;
    },
    onSuccess: (results) => report?.(results),
  });

  const decide = (decision: Decision, requestIds: readonly string[]) => {
    const busy = inFlight(queryClient);
    const fresh = [...new Set(requestIds)].filter((id) => !busy.has(id));
    if (fresh.length === 0) return;
    mutation.mutate({ decision, requestIds: fresh });
  };

  return {
    approve: (requestIds: readonly string[]) => decide(DECISIONS.approved, requestIds),
    reject: (requestIds: readonly string[]) => decide(DECISIONS.rejected, requestIds),
  };
}
