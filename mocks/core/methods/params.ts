import {
  DETAIL_CODES,
  ERROR_CODES,
  missingParamMessage,
  missingScopeMessage,
} from "../../../src/protocol";
import type { MethodResult } from "./types";

// Parameter checks worded like the real gateway's schema errors, and the shared failures.

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

/** The required string fields, or the error for the first one missing or not a string. */
export function requireStrings<K extends string>(
  method: string,
  params: Record<string, unknown>,
  keys: readonly K[],
): { ok: true; values: Record<K, string> } | { ok: false; result: MethodResult } {
  const values = {} as Record<K, string>;
  for (const key of keys) {
    const value = params[key];
    if (value === undefined)
      return { ok: false, result: invalid(missingParamMessage(method, key)) };
    if (typeof value !== "string" || value.length === 0) {
      return {
        ok: false,
        result: invalid(`invalid ${method} params: at /${key}: must be non-empty string`),
      };
    }
    values[key] = value;
  }
  return { ok: true, values };
}

export function optionalStringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === "string")
    ? value
    : undefined;
}
