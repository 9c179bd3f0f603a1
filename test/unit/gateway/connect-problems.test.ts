import { GatewayProtocolRequestError } from "@openclaw/gateway-client/browser";
import { describe, expect, it } from "vitest";
import {
  describeConnectClose,
  describeConnectFailure,
  deviceIdentityProblem,
  missingScopeProblem,
  unreachableProblem,
  type GatewayFailure,
  type ProblemContext,
} from "../../../src/gateway/connect-problems";
import { readGatewayError } from "../../../src/gateway/gateway-errors";
import type { ConnectProblem } from "../../../src/gateway/types";
import { DETAIL_CODES, ERROR_CODES, PAIRING_MESSAGES } from "../../../src/protocol";

const SECRET = "s3cret-gateway-token-value";
const context: ProblemContext = {
  url: "ws://127.0.0.1:18789",
  pageOrigin: "https://admin.example.com",
  secretKind: "token",
  secret: SECRET,
};
const REQUEST_ID = "6f1c2a8e-4b7d-4c1e-9a3b-2d5e8f0a1b2c";

function everyText(problem: ConnectProblem): string {
  return Object.values(problem).join("\n");
}

// Each row: what the gateway answered, and what a person must be told.
const refusals: [string, GatewayFailure, Partial<ConnectProblem>, RegExp][] = [
  [
    "wrong token",
    {
      code: ERROR_CODES.invalidRequest,
      message: `unauthorized: gateway token mismatch (got ${SECRET})`,
      details: { code: DETAIL_CODES.authTokenMismatch },
    },
    { kind: "wrong-secret", code: "INVALID_REQUEST / AUTH_TOKEN_MISMATCH" },
    /did not accept this token/,
  ],
  [
    "wrong password",
    {
      code: ERROR_CODES.invalidRequest,
      message: "unauthorized",
      details: { code: DETAIL_CODES.authPasswordMismatch },
    },
    { kind: "wrong-secret" },
    /gateway\.auth\.token/,
  ],
  [
    "missing token",
    {
      code: ERROR_CODES.invalidRequest,
      message: "unauthorized",
      details: { code: DETAIL_CODES.authTokenMissing },
    },
    { kind: "wrong-secret" },
    /did not accept/,
  ],
  [
    "origin not allowed",
    {
      code: ERROR_CODES.invalidRequest,
      message: "origin not allowed",
      details: { code: DETAIL_CODES.controlUiOriginNotAllowed },
    },
    { kind: "origin-not-allowed", origin: "https://admin.example.com" },
    /Add https:\/\/admin\.example\.com to gateway\.controlUi\.allowedOrigins/,
  ],
  [
    "this browser needs pairing",
    {
      code: ERROR_CODES.notPaired,
      message: PAIRING_MESSAGES["not-paired"].message,
      details: {
        code: DETAIL_CODES.pairingRequired,
        reason: "not-paired",
        requestId: REQUEST_ID,
        remediationHint: PAIRING_MESSAGES["not-paired"].remediationHint,
        deviceId: "ab".repeat(32),
        requestedRole: "operator",
      },
    },
    {
      kind: "pairing-required",
      title: "This browser needs pairing",
      requestId: REQUEST_ID,
      command: `openclaw devices approve ${REQUEST_ID}`,
      code: "NOT_PAIRED / PAIRING_REQUIRED",
    },
    /approves it/,
  ],
  [
    "a scope upgrade needs approval",
    {
      code: ERROR_CODES.notPaired,
      message: PAIRING_MESSAGES["scope-upgrade"].message,
      details: {
        code: DETAIL_CODES.pairingRequired,
        reason: "scope-upgrade",
        requestId: REQUEST_ID,
        requestedScopes: ["operator.read", "operator.pairing"],
        approvedScopes: ["operator.read"],
      },
    },
    { kind: "pairing-required", requestId: REQUEST_ID },
    /must approve operator\.pairing first/,
  ],
  [
    "insufficient scope",
    {
      code: ERROR_CODES.forbidden,
      message: "missing scope: operator.pairing",
      details: {
        code: DETAIL_CODES.missingScope,
        missingScope: "operator.pairing",
        requiredScopes: ["operator.pairing"],
      },
    },
    {
      kind: "insufficient-scope",
      missingScope: "operator.pairing",
      code: "FORBIDDEN / MISSING_SCOPE",
    },
    /lacks the operator\.pairing scope/,
  ],
  [
    "protocol mismatch",
    {
      code: ERROR_CODES.invalidRequest,
      message: "protocol mismatch",
      details: { code: DETAIL_CODES.protocolMismatch, expectedProtocol: 5 },
    },
    { kind: "protocol-mismatch" },
    /speaks gateway protocol v4; this gateway expects protocol v5/,
  ],
  [
    "bad device signature",
    {
      code: ERROR_CODES.invalidRequest,
      message: "device signature invalid",
      details: { code: DETAIL_CODES.deviceAuthSignatureInvalid },
    },
    { kind: "device-identity", code: "INVALID_REQUEST / DEVICE_AUTH_SIGNATURE_INVALID" },
    /could not verify this browser's signed proof/,
  ],
  [
    "expired device signature",
    {
      code: ERROR_CODES.invalidRequest,
      message: "device signature expired",
      details: { code: DETAIL_CODES.deviceAuthSignatureExpired },
    },
    { kind: "device-identity" },
    /clock/,
  ],
  [
    "rate limited",
    {
      code: ERROR_CODES.invalidRequest,
      message: "too many failed authentication attempts",
      details: { code: "AUTH_RATE_LIMITED" },
      retryAfterMs: 30_000,
    },
    { kind: "rate-limited" },
    /about 30 s/,
  ],
];

describe("describeConnectFailure", () => {
  it.each(refusals)("explains %s", (_name, failure, expected, detail) => {
    const problem = describeConnectFailure(failure, context);
    expect(problem).toMatchObject(expected);
    expect(`${problem.title}\n${problem.detail}`).toMatch(detail);
  });

  it.each(refusals)("never repeats the secret when explaining %s", (_name, failure) => {
    const echoed = { ...failure, message: `${failure.message ?? ""} ${SECRET}` };
    expect(everyText(describeConnectFailure(echoed, context))).not.toContain(SECRET);
  });

  it("explains a device token that does not cover the scopes asked (AUTH_SCOPE_MISMATCH)", () => {
    const problem = describeConnectFailure(
      {
        code: ERROR_CODES.invalidRequest,
        message: "unauthorized: device token scope mismatch (re-pair or approve scope upgrade)",
        details: {
          code: DETAIL_CODES.authScopeMismatch,
          authReason: "scope_mismatch",
          canRetryWithDeviceToken: false,
          recommendedNextStep: "review_auth_configuration",
        },
      },
      { ...context, scopes: ["operator.read", "operator.pairing", "operator.write"] },
    );
    expect(problem).toMatchObject({
      kind: "insufficient-scope",
      code: "INVALID_REQUEST / AUTH_SCOPE_MISMATCH",
    });
    expect(problem.detail).toContain(
      "This browser's stored device token does not cover the scopes asked (operator.read, operator.pairing, operator.write). Reconnect with the shared token",
    );
  });

  it("tells apart insufficient scope from pairing required", () => {
    const [, pairing] = refusals.find(([name]) => name === "this browser needs pairing")!;
    const [, scope] = refusals.find(([name]) => name === "insufficient scope")!;
    expect(describeConnectFailure(pairing, context).kind).toBe("pairing-required");
    expect(describeConnectFailure(scope, context).kind).toBe("insufficient-scope");
  });

  it("says password, not token, when the person signed in with a password", () => {
    const problem = describeConnectFailure(
      {
        code: ERROR_CODES.invalidRequest,
        message: "x",
        details: { code: DETAIL_CODES.authPasswordMismatch },
      },
      { ...context, secretKind: "password" },
    );
    expect(problem.title).toBe("The gateway did not accept this password");
  });

  it("reads a legacy pairing message that has no structured details", () => {
    const problem = describeConnectFailure(
      { code: ERROR_CODES.notPaired, message: `pairing required (requestId: ${REQUEST_ID})` },
      context,
    );
    expect(problem).toMatchObject({ kind: "pairing-required", requestId: REQUEST_ID });
  });

  it("scrubs a secret the gateway echoes in an unknown refusal", () => {
    const problem = describeConnectFailure(
      { code: "WEIRD", message: `refused ${SECRET}`, details: { code: "SOMETHING_NEW" } },
      context,
    );
    expect(problem.kind).toBe("other");
    expect(problem.detail).toContain("refused");
    expect(everyText(problem)).not.toContain(SECRET);
  });
});

describe("failures without an answer", () => {
  it("calls a socket that never opened unreachable, naming the address", () => {
    const problem = describeConnectClose({ code: 1006, reason: "", socketOpened: false }, context);
    expect(problem).toEqual(unreachableProblem(context));
    expect(problem.detail).toContain("ws://127.0.0.1:18789");
  });

  it("finds the request in a pairing close reason", () => {
    const problem = describeConnectClose(
      { code: 1008, reason: `pairing required (requestId: ${REQUEST_ID})`, socketOpened: true },
      context,
    );
    expect(problem).toMatchObject({ kind: "pairing-required", requestId: REQUEST_ID });
  });

  it("explains a device identity that could not be made", () => {
    const problem = deviceIdentityProblem("This browser cannot make Ed25519 keys.", context);
    expect(problem.kind).toBe("device-identity");
    expect(problem.detail).toMatch(/Ed25519/);
  });

  it("names the missing scope for a refused request", () => {
    expect(missingScopeProblem("operator.pairing")).toMatchObject({
      kind: "insufficient-scope",
      missingScope: "operator.pairing",
    });
  });
});

describe("readGatewayError", () => {
  it("keeps the code, the detail code and the missing scope", () => {
    const error = new GatewayProtocolRequestError({
      code: ERROR_CODES.forbidden,
      message: "missing scope: operator.pairing",
      details: {
        code: DETAIL_CODES.missingScope,
        missingScope: "operator.pairing",
        requiredScopes: ["operator.pairing"],
      },
    });
    expect(readGatewayError(error)).toEqual({
      code: "FORBIDDEN",
      detailCode: "MISSING_SCOPE",
      message: "missing scope: operator.pairing",
      missingScope: "operator.pairing",
      requiredScopes: ["operator.pairing"],
    });
  });

  it("reads an unknown requestId refusal", () => {
    const error = new GatewayProtocolRequestError({
      code: ERROR_CODES.invalidRequest,
      message: "unknown requestId",
    });
    expect(readGatewayError(error)).toEqual({
      code: "INVALID_REQUEST",
      message: "unknown requestId",
    });
  });

  it("gives a local code when the socket is gone", () => {
    expect(readGatewayError(new Error("gateway not connected")).code).toBe("CLIENT_NOT_CONNECTED");
  });
});
