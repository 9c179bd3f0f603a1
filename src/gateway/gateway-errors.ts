import {
  GatewayProtocolRequestError,
  GatewayProtocolRequestTimeoutError,
  readConnectErrorDetailCode,
  readMissingScopeError,
} from "@openclaw/gateway-client/browser";
import { ERROR_CODES, type WireText } from "../protocol";

// One reader for every failed request, so screens branch on codes, never on message text.

export type GatewayErrorInfo = {
  code: string;
  detailCode?: string;
  message: WireText;
  missingScope?: WireText;
  requiredScopes?: WireText[];
  retryable?: boolean;
};

/** Local codes for failures that never reached the gateway. */
export const LOCAL_ERROR_CODES = {
  timeout: "CLIENT_TIMEOUT",
  notConnected: "CLIENT_NOT_CONNECTED",
  transport: "CLIENT_TRANSPORT",
} as const;

export function readGatewayError(error: unknown): GatewayErrorInfo {
  if (error instanceof GatewayProtocolRequestError) {
    const missing = readMissingScopeError(error);
    const info: GatewayErrorInfo = { code: error.code, message: error.message };
    const detailCode = readConnectErrorDetailCode(error.details);
    if (detailCode) info.detailCode = detailCode;
    if (missing) {
      info.detailCode = missing.code;
      info.missingScope = missing.missingScope;
      info.requiredScopes = missing.requiredScopes;
    }
    if (error.retryable) info.retryable = true;
    return info;
  }
  if (error instanceof GatewayProtocolRequestTimeoutError) {
    return {
      code: LOCAL_ERROR_CODES.timeout,
      message: "The gateway did not answer in time.",
      retryable: true,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  // The wire client rejects pending and new requests with these plain Errors when the socket is
  // gone; they carry no code, so their (library-owned, fixed) wording is all there is to read.
  if (/not connected|client stopped|gateway closed/i.test(message)) {
    return {
      code: LOCAL_ERROR_CODES.notConnected,
      message: "Not connected to the gateway.",
      retryable: true,
    };
  }
  return { code: LOCAL_ERROR_CODES.transport, message, retryable: true };
}

/** The gateway no longer knows the id the request named (`message`: "unknown requestId", …). */
export function isUnknownId(problem: GatewayErrorInfo, message: string): boolean {
  return problem.code === ERROR_CODES.invalidRequest && problem.message.includes(message);
}
