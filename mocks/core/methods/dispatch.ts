import { missingScopes } from "../../../src/policy/scopes";
import { requiredScopesFor } from "../../../src/policy/method-scopes";
import {
  CLOSE_POLICY_VIOLATION,
  ERROR_CODES,
  METHODS,
  OPERATOR_SCOPES,
  ROLES,
  type RequestFrame,
} from "../../../src/protocol";
import type { CoreContext, LiveConnection } from "../context";
import { cronHandlers } from "./cron";
import { devicePairHandlers } from "./device-pair";
import { deviceTokenHandlers } from "./device-token";
import { nodePairHandlers } from "./node-pair";
import { nodeRenameHandlers } from "./node-rename";
import { failure, forbiddenMissingScope, invalid } from "./params";
import { setupCodeHandlers } from "./setup-code";
import type { MethodHandler, MethodResult, Session } from "./types";

// Routes an authenticated request as the real gateway does: the role first (a node may call
// no operator method), then scopes (operator.admin passes everything; a method the gateway
// does not classify needs it), then the handler, which checks its own params.

const HANDLERS: Readonly<Record<string, MethodHandler>> = {
  ...devicePairHandlers,
  ...deviceTokenHandlers,
  ...nodePairHandlers,
  ...nodeRenameHandlers,
  ...setupCodeHandlers,
  ...cronHandlers,
  // On an open session, connect is a method like any other, for admins only.
  [METHODS.connect]: () => invalid("connect is only valid as the first request"),
};

/** The real gateway closes a socket after more than this many role refusals in a row. */
const UNAUTHORIZED_ROLE_LIMIT = 10;
const UNAUTHORIZED_ROLE = "unauthorized role:";

function authorize(session: Session, method: string): MethodResult | undefined {
  if (session.role !== ROLES.operator) return invalid(`${UNAUTHORIZED_ROLE} ${session.role}`);
  if (session.scopes.includes(OPERATOR_SCOPES.admin)) return undefined;
  const required = requiredScopesFor(method) ?? [OPERATOR_SCOPES.admin];
  const [missing] = missingScopes(session.scopes, required);
  return missing ? forbiddenMissingScope(missing, required) : undefined;
}

function call(ctx: CoreContext, connection: LiveConnection, session: Session, frame: RequestFrame) {
  const refused = authorize(session, frame.method);
  if (refused) return refused;
  const handler = Object.hasOwn(HANDLERS, frame.method) ? HANDLERS[frame.method] : undefined;
  if (!handler) return failure(ERROR_CODES.invalidRequest, `unknown method: ${frame.method}`);
  const params = (frame.params ?? {}) as Record<string, unknown>;
  return handler({ ctx, connection, session, method: frame.method, params });
}

function isRoleRefusal(result: MethodResult): boolean {
  return !result.ok && result.error.message.startsWith(UNAUTHORIZED_ROLE);
}

export function dispatchRequest(
  ctx: CoreContext,
  connection: LiveConnection,
  frame: RequestFrame,
): void {
  const session = connection.session;
  if (!session) return;
  let result: MethodResult;
  try {
    result = call(ctx, connection, session, frame);
  } catch (error) {
    // A bug in a handler answers UNAVAILABLE instead of taking the mock down.
    console.error("mock gateway: method failed", frame.method, error);
    result = failure(ERROR_CODES.unavailable, `${frame.method} failed`);
  }
  if (result.ok) {
    ctx.send(connection, { type: "res", id: frame.id, ok: true, payload: result.payload });
    result.after?.();
  } else {
    ctx.send(connection, { type: "res", id: frame.id, ok: false, error: result.error });
  }
  connection.roleRefusals = isRoleRefusal(result) ? connection.roleRefusals + 1 : 0;
  if (connection.roleRefusals > UNAUTHORIZED_ROLE_LIMIT) {
    ctx.close(connection, CLOSE_POLICY_VIOLATION, "repeated unauthorized calls");
  }
}
