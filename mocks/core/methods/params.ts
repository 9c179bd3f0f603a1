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

/** One property of a method's closed params object, as the real gateway's schema has it. */
export type ParamRule =
  | { kind: "string"; optional?: boolean; maxLength?: number }
  | { kind: "strings"; optional?: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ruleErrors(key: string, rule: ParamRule, value: unknown): string[] {
  const at = `at /${key}`;
  if (rule.kind === "strings") {
    if (!Array.isArray(value)) return [`${at}: must be array`];
    return value.flatMap((item, index) =>
      typeof item !== "string"
        ? [`${at}/${index}: must be string`]
        : item.length === 0
          ? [`${at}/${index}: must not have fewer than 1 characters`]
          : [],
    );
  }
  if (typeof value !== "string") return [`${at}: must be string`];
  if (value.length === 0) return [`${at}: must not have fewer than 1 characters`];
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    return [`${at}: must not have more than ${rule.maxLength} characters`];
  }
  return [];
}

/**
 * Checks params against a closed schema and words every problem like the real gateway
 * (observed): "invalid device.pair.approve params: must have required property 'requestId';
 * at root: unexpected property 'extra'". Absent params count as `{}`.
 */
export function checkParams<K extends string>(
  method: string,
  raw: unknown,
  rules: Readonly<Record<K, ParamRule>>,
): { ok: true; values: Record<string, unknown> } | { ok: false; result: MethodResult } {
  const params = raw === undefined ? {} : raw;
  if (!isRecord(params)) {
    return { ok: false, result: invalid(`invalid ${method} params: must be object`) };
  }
  const entries = Object.entries(rules) as [K, ParamRule][];
  const problems = [
    ...entries
      .filter(([key, rule]) => !rule.optional && params[key] === undefined)
      .map(([key]) => `must have required property '${key}'`),
    ...entries.flatMap(([key, rule]) =>
      params[key] === undefined ? [] : ruleErrors(key, rule, params[key]),
    ),
    ...Object.keys(params)
      .filter((key) => !Object.hasOwn(rules, key))
      .map((key) => `at root: unexpected property '${key}'`),
  ];
  if (problems.length === 0) return { ok: true, values: params };
  return { ok: false, result: invalid(`invalid ${method} params: ${problems.join("; ")}`) };
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
