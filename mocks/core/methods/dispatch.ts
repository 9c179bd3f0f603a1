import { missingScopes } from "../../../src/policy/scopes";
import { requiredScopesFor } from "../../../src/policy/method-scopes";
import { ERROR_CODES, type RequestFrame } from "../../../src/protocol";
import type { CoreContext, LiveConnection } from "../context";
import { cronHandlers } from "./cron";
import { devicePairHandlers } from "./device-pair";
import { deviceTokenHandlers } from "./device-token";
import { failure, forbiddenMissingScope } from "./params";
import type { MethodHandler, MethodResult, Session } from "./types";

// Routes an authenticated request: unknown method, then scopes (the socket stays open on
// FORBIDDEN), then the handler's own parameter checks.

const HANDLERS: Readonly<Record<string, MethodHandler>> = {
  ...devicePairHandlers,
  ...deviceTokenHandlers,
  ...cronHandlers,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function call(
  ctx: CoreContext,
  connection: LiveConnection,
  session: Session,
  frame: RequestFrame,
): MethodResult {
  const handler = Object.hasOwn(HANDLERS, frame.method) ? HANDLERS[frame.method] : undefined;
  const required = requiredScopesFor(frame.method);
  if (!handler || !required)
    return failure(ERROR_CODES.invalidRequest, `unknown method: ${frame.method}`);
  const [missing] = missingScopes(session.scopes, required);
  if (missing) return forbiddenMissingScope(missing, required);
  if (frame.params !== undefined && !isRecord(frame.params)) {
    return failure(ERROR_CODES.invalidRequest, `invalid ${frame.method} params: must be object`);
  }
  const params = isRecord(frame.params) ? frame.params : {};
  return handler({ ctx, connection, session, method: frame.method, params });
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
}
