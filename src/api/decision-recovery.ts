import { type QueryClient } from "@tanstack/react-query";
import type { GatewayConnection } from "../gateway/types";
import { approvedScopesOf, scopesSatisfy } from "../policy";
import { DECISIONS, type Decision, type PendingRequest } from "../protocol";
import { pairListQueryOptions } from "./pair-list";

// After a decision whose answer was lost (the socket dropped, or the gateway went quiet):
// what the re-read list says happened.

export type DropOutcome =
  /** Still listed: the decision did not land; decide again. */
  | "pending"
  /** Gone, and the paired record agrees (an approved device holds what it asked for). */
  | "applied"
  /** Gone, but the paired record disagrees: someone else decided it, or it expired. */
  | "gone";

export const RECOVERY_WAIT_MS = 30_000;

function whenConnected(connection: GatewayConnection, timeoutMs: number): Promise<boolean> {
  if (connection.status.kind === "connected") return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (connected: boolean) => {
      clearTimeout(timer);
      stop();
      resolve(connected);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    const stop = connection.onStatus((status) => {
      if (status.kind === "connected") finish(true);
      // A refusal or a person pressing Disconnect: nobody is going to reconnect for us.
      else if (status.kind === "failed" || status.kind === "disconnected") finish(false);
    });
  });
}

/** The list as the gateway has it now, or undefined when it cannot be read. */
function freshList(connection: GatewayConnection, queryClient: QueryClient) {
  return queryClient
    .fetchQuery({ ...pairListQueryOptions(connection), staleTime: 0 })
    .catch(() => undefined);
}

/** True when a fresh list no longer holds the request (false when it cannot be read). */
export async function isGone(
  connection: GatewayConnection,
  queryClient: QueryClient,
  requestId: string,
): Promise<boolean> {
  const list = await freshList(connection, queryClient);
  return list ? !list.pending.some((request) => request.requestId === requestId) : false;
}

/** Undefined when the connection did not come back: then nothing can be said yet. */
export async function settleAfterDrop(
  connection: GatewayConnection,
  queryClient: QueryClient,
  decision: Decision,
  requestId: string,
  asked: PendingRequest | undefined,
  timeoutMs = RECOVERY_WAIT_MS,
): Promise<DropOutcome | undefined> {
  if (!(await whenConnected(connection, timeoutMs))) return undefined;
  const list = await freshList(connection, queryClient);
  if (!list) return undefined;
  if (list.pending.some((request) => request.requestId === requestId)) return "pending";
  const device = asked && list.paired.find((paired) => paired.deviceId === asked.deviceId);
  const holds =
    device !== undefined &&
    device.publicKey === asked?.publicKey &&
    scopesSatisfy(approvedScopesOf(device), asked.scopes);
  return holds === (decision === DECISIONS.approved) ? "applied" : "gone";
}
