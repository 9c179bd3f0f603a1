import { truncateCloseReason } from "./close-reason";
import type { CoreContext, LiveConnection } from "./context";
import type { ConnectDecision } from "./types";

// A refused connect: the error response, then the close, then the decision record.

export type Refusal = {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  close: { code: number; reason: string };
};

export function refuse(
  ctx: CoreContext,
  connection: LiveConnection,
  frameId: string,
  refusal: Refusal,
  decision: ConnectDecision,
): void {
  const error = {
    code: refusal.code,
    message: refusal.message,
    ...(refusal.details ? { details: refusal.details } : {}),
  };
  ctx.send(connection, { type: "res", id: frameId, ok: false, error });
  ctx.close(connection, refusal.close.code, truncateCloseReason(refusal.close.reason));
  const detailCode = typeof refusal.details?.code === "string" ? refusal.details.code : undefined;
  ctx.recordDecision({
    ...decision,
    outcome: decision.outcome === "pending" ? "pending" : "refused",
    errorCode: refusal.code,
    ...(detailCode ? { detailCode } : {}),
  });
}
