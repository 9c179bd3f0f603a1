import { DETAIL_CODES, ERROR_CODES, missingScopeMessage } from "../../../src/protocol";
import { methodParamsProblem } from "../protocol-checks";
import type { MethodResult } from "./types";

// The shared failures of method handlers, and their params checked by the protocol's schema.

export function failure(code: string, message: string, details?: unknown): MethodResult {
  return {
    ok: false,
    error: details === undefined ? { code, message } : { code, message, details },
  };
}

export function invalid(message: string): MethodResult {
  return failure(ERROR_CODES.invalidRequest, message);
}

export function forbiddenMissingScope(missing: string, required: readonly string[]): MethodResult {
  return failure(ERROR_CODES.forbidden, missingScopeMessage(missing), {
    code: DETAIL_CODES.missingScope,
    missingScope: missing,
    requiredScopes: [...required],
  });
}

/**
 * The method's params if its schema accepts them, else the gateway's INVALID_REQUEST
 * "invalid <method> params: …" (worded by the protocol's own formatter).
 */
export function checkParams(
  method: string,
  params: unknown,
): { ok: true; values: Record<string, unknown> } | { ok: false; result: MethodResult } {
  const problem = methodParamsProblem(method, params);
  if (problem !== undefined) return { ok: false, result: invalid(problem) };
  return { ok: true, values: params as Record<string, unknown> };
}
