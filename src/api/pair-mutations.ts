import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useGatewayConnection } from "../gateway/context";
import { isUnknownId, LOCAL_ERROR_CODES, readGatewayError } from "../gateway/gateway-errors";
import type { GatewayConnection } from "../gateway/types";
import {
  DECISIONS,
  ERROR_CODES,
  isRecord,
  METHODS,
  readPairedDevice,
  UNKNOWN_REQUEST_ID_MESSAGE,
  type Decision,
  type PairList,
  type PendingRequest,
} from "../protocol";
import { decidedHere, decisionMutationKey, type DecisionVariables } from "./deciding";
import { isGone, settleAfterDrop, type DropOutcome } from "./decision-recovery";
import { pairListQueryKey } from "./pair-list";
import { removePending, upsertPaired } from "./pair-list-reducer";

export type DecisionResult =
  | { requestId: string; decision: Decision; status: "done"; request?: PendingRequest }
  /** `unknown requestId`: another admin, tab or CLI got there first, or it expired. */
  | { requestId: string; decision: Decision; status: "already-handled" }
  /** The connection dropped (or timed out) mid-request; the list was re-read to find out. */
  | { requestId: string; decision: Decision; status: "interrupted"; outcome: DropOutcome }
  | { requestId: string; decision: Decision; status: "failed"; message: string; code?: string };

export type DecisionReport = (results: DecisionResult[]) => void;

async function decideOne(
  connection: GatewayConnection,
  queryClient: QueryClient,
  decision: Decision,
  requestId: string,
): Promise<DecisionResult> {
  const method = decision === DECISIONS.approved ? METHODS.pairApprove : METHODS.pairReject;
  const asked = queryClient
    .getQueryData<PairList>(pairListQueryKey)
    ?.pending.find((request) => request.requestId === requestId);
  try {
    const answer = await connection.request<unknown>(method, { requestId });
    const device = isRecord(answer) ? readPairedDevice(answer.device) : undefined;
    queryClient.setQueryData<PairList>(pairListQueryKey, (list) => {
      if (!list) return list;
      const without = removePending(list, [requestId]);
      return device ? upsertPaired(without, device) : without;
    });
    return { requestId, decision, status: "done", request: asked };
  } catch (error) {
    const problem = readGatewayError(error);
    // Without operator.admin a vanished id may read "device pairing approval denied": any
    // invalid-request refusal is checked against a fresh list before it is called a failure.
    const gone =
      isUnknownId(problem, UNKNOWN_REQUEST_ID_MESSAGE) ||
      (problem.code === ERROR_CODES.invalidRequest &&
        (await isGone(connection, queryClient, requestId)));
    if (gone) {
      queryClient.setQueryData<PairList>(pairListQueryKey, (list) =>
        list ? removePending(list, [requestId]) : list,
      );
      return { requestId, decision, status: "already-handled" };
    }
    if (
      problem.code === LOCAL_ERROR_CODES.notConnected ||
      problem.code === LOCAL_ERROR_CODES.timeout
    ) {
      // Sent, but no answer: wait for the connection and report what the re-read list says.
      const outcome = await settleAfterDrop(connection, queryClient, decision, requestId, asked);
      if (outcome) return { requestId, decision, status: "interrupted", outcome };
    }
    return { requestId, decision, status: "failed", message: problem.message, code: problem.code };
  }
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
    // A double click or a second bulk action must not send a decision again.
    const busy = decidedHere(queryClient);
    const fresh = [...new Set(requestIds)].filter((id) => !busy.has(id));
    if (fresh.length === 0) return;
    mutation.mutate({ decision, requestIds: fresh });
  };

  return {
    approve: (requestIds: readonly string[]) => decide(DECISIONS.approved, requestIds),
    reject: (requestIds: readonly string[]) => decide(DECISIONS.rejected, requestIds),
  };
}
