import { ConnectErrorDetailCodes as Codes } from "@openclaw/gateway-protocol/connect-error-details";
import { isWebchatClient } from "../../src/policy/clients";
import { isDirectLocalClient } from "../../src/policy/ingress";
import { CLOSE_POLICY_VIOLATION, ERROR_CODES, PROTOCOL_VERSION, ROLES } from "../../src/protocol";
import { admitDevice } from "./admission";
import { admitWithoutDevice } from "./deviceless";
import { authenticate, DEVICE_IDENTITY_REQUIRED } from "./auth";
import { readConnectParams, type ConnectParams } from "./connect-params";
import type { CoreContext, LiveConnection } from "./context";
import { readDeviceBlock, verifyDeviceProof } from "./device-proof";
import { checkBrowserOrigin, ORIGIN_NOT_ALLOWED_MESSAGE } from "./origin-check";
import { refuse, type Refusal } from "./refusal";
import type { ConnectDecision } from "./types";

// The connect handshake (spec §2), in the real gateway's order: params, protocol, role,
// browser origin, device proof, credentials; then pairing and hello-ok (admission.ts).

function policyRefusal(code: string, message: string, details?: Record<string, unknown>): Refusal {
  return { code, message, details, close: { code: CLOSE_POLICY_VIOLATION, reason: message } };
}

/** Checks that need no device: protocol, role and the browser origin rule. */
function admissionRefusal(ctx: CoreContext, connection: LiveConnection, params: ConnectParams) {
  const { minProtocol, maxProtocol, client } = params;
  if (!(minProtocol <= PROTOCOL_VERSION && PROTOCOL_VERSION <= maxProtocol)) {
    const details = {
      code: Codes.PROTOCOL_MISMATCH,
      clientMinProtocol: minProtocol,
      clientMaxProtocol: maxProtocol,
      expectedProtocol: PROTOCOL_VERSION,
    };
    // The real gateway closes a protocol mismatch with 1002, not 1008.
    return {
      ...policyRefusal(ERROR_CODES.invalidRequest, "protocol mismatch", details),
      close: { code: 1002, reason: "protocol mismatch" },
    };
  }
  if (params.role !== ROLES.operator && params.role !== ROLES.node) {
    return policyRefusal(ERROR_CODES.invalidRequest, "invalid role");
  }
  const isBrowserUi =
    client.id === "openclaw-control-ui" || isWebchatClient(client.id, client.mode);
  if (isBrowserUi) {
    const reason = checkBrowserOrigin({
      origin: connection.facts.headers.origin,
      allowedOrigins: ctx.config.allowedOrigins,
      isLocalClient: isDirectLocalClient(connection.ingress, connection.facts.headers.host),
    });
    if (reason) {
      return policyRefusal(ERROR_CODES.invalidRequest, ORIGIN_NOT_ALLOWED_MESSAGE, {
        code: Codes.CONTROL_UI_ORIGIN_NOT_ALLOWED,
        reason,
      });
    }
  }
  return undefined;
}

export async function runHandshake(
  ctx: CoreContext,
  connection: LiveConnection,
  frameId: string,
  rawParams: unknown,
): Promise<void> {
  const base: ConnectDecision = {
    at: ctx.clock.now(),
    connId: connection.connId,
    clientId: "",
    clientMode: "",
    ingress: connection.ingress,
    outcome: "refused",
  };
  const read = readConnectParams(rawParams);
  if (!read.ok) {
    return refuse(
      ctx,
      connection,
      frameId,
      policyRefusal(ERROR_CODES.invalidRequest, read.message),
      base,
    );
  }
  const params = read.params;
  const decision = { ...base, clientId: params.client.id, clientMode: params.client.mode };
  const admission = admissionRefusal(ctx, connection, params);
  if (admission) return refuse(ctx, connection, frameId, admission, decision);

  const device = readDeviceBlock(params.device);
  const paired = device ? ctx.state.paired.get(device.id) : undefined;
  const auth = authenticate({
    config: ctx.config.auth,
    auth: params.auth,
    client: params.client,
    paired,
    publicKey: device?.publicKey ?? "",
    role: params.role,
  });
  if (!device) {
    if (auth.ok && admitWithoutDevice(ctx, connection, frameId, params, auth, decision)) return;
    const refusal = auth.ok
      ? {
          ...policyRefusal(ERROR_CODES.notPaired, DEVICE_IDENTITY_REQUIRED.message, {
            code: DEVICE_IDENTITY_REQUIRED.detailCode,
          }),
        }
      : policyRefusal(ERROR_CODES.invalidRequest, auth.message, auth.details);
    return refuse(ctx, connection, frameId, refusal, decision);
  }
  const withDevice = { ...decision, deviceId: device.id };
  const proofFailure = await verifyDeviceProof({
    device,
    challenge: connection.challenge,
    clientId: params.client.id,
    clientMode: params.client.mode,
    role: params.role,
    scopes: params.scopes,
    token: params.auth.token ?? params.auth.deviceToken ?? "",
    platform: params.client.platform,
    deviceFamily: params.client.deviceFamily,
  });
  if (connection.closed) return;
  if (proofFailure) {
    const refusal = policyRefusal(ERROR_CODES.invalidRequest, proofFailure.message, {
      code: proofFailure.detailCode,
      reason: proofFailure.reason,
    });
    return refuse(ctx, connection, frameId, refusal, withDevice);
  }
  if (!auth.ok) {
    return refuse(
      ctx,
      connection,
      frameId,
      policyRefusal(ERROR_CODES.invalidRequest, auth.message, auth.details),
      withDevice,
    );
  }
  await admitDevice(ctx, connection, frameId, { params, device, auth, decision: withDevice });
}
