import { CLOSE_POLICY_VIOLATION } from "../../src/protocol";
import { truncateCloseReason } from "./close-reason";
import type { CoreContext, LiveConnection } from "./context";
import { withFields } from "./json-copy";
import type { ConnectDecision } from "./types";

// A refused connect: the error response, then the close, then the decision record.

export type Refusal = {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  close: { code: number; reason: string };
};

/** An INVALID_REQUEST-style refusal closed 1008 with its own message. */
export function policyRefusal(
  code: string,
  message: string,
  details?: Record<string, unknown>,
): Refusal {
  return { code, message, details, close: { code: CLOSE_POLICY_VIOLATION, reason: message } };
}

/** What a decision step adds to a connect's record; merged into it when it is recorded. */
export type DecisionTrace = Partial<ConnectDecision>;

const NO_TRACE: DecisionTrace = {};

/** The connect's record as kept: `decision` with `trace` on top, in one copy. */
export function tracedDecision(decision: ConnectDecision, trace: DecisionTrace = NO_TRACE) {
  return withFields(decision, trace);
}

export function refuse(
  ctx: CoreContext,
  connection: LiveConnection,
  frameId: string,
  refusal: Refusal,
  decision: ConnectDecision,
  trace?: DecisionTrace,
): void {
  const error: Omit<Refusal, "close"> = { code: refusal.code, message: refusal.message };
  if (refusal.details) error.details = refusal.details;
  ctx.send(connection, { type: "res", id: frameId, ok: false, error });
  ctx.close(connection, refusal.close.code, truncateCloseReason(refusal.close.reason));
  const detailCode = typeof refusal.details?.code === "string" ? refusal.details.code : undefined;
  const record = tracedDecision(decision, trace);
  record.outcome = record.outcome === "pending" ? "pending" : "refused";
  record.errorCode = refusal.code;
  if (detailCode) record.detailCode = detailCode;
  ctx.recordDecision(record);
}
