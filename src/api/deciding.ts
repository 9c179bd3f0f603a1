import { useMutationState, type Mutation, type QueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Decision, PendingRequest } from "../protocol";

// Which requests this tab is deciding, or decided: read from the decision mutations, so the
// list, the mutations and the event stream agree.

export const decisionMutationKey = ["gateway", "device.pair.decide"] as const;

export type DecisionVariables = { decision: Decision; requestIds: string[] };

export type DecidedRequest = { requestId: string; status: string; request?: PendingRequest };

/** The requests a mutation is sending or got done; once answered, with the request as asked. */
function decidedBy({ state }: Mutation): [string, PendingRequest | undefined][] {
  if (state.status === "pending") {
    return (state.variables as DecisionVariables).requestIds.map((id) => [id, undefined]);
  }
  if (state.status !== "success") return [];
  return (state.data as DecidedRequest[])
    .filter((result) => result.status === "done")
    .map((result) => [result.requestId, result.request]);
}

export type DecidedHere = ReadonlyMap<string, PendingRequest | undefined>;

export function decidedHere(queryClient: QueryClient): DecidedHere {
  const mutations = queryClient.getMutationCache().findAll({ mutationKey: decisionMutationKey });
  return new Map(mutations.flatMap(decidedBy));
}

export function useIdsDecidedHere(): ReadonlySet<string> {
  const select = (mutation: Mutation) => decidedBy(mutation).map(([id]) => id);
  const ids = useMutationState({ filters: { mutationKey: decisionMutationKey }, select });
  const key = ids.flat().join("\n");
  return useMemo(() => new Set(key ? key.split("\n") : []), [key]);
}
