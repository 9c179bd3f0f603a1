import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
} from "@openclaw/gateway-protocol/client-info";
import { ConnectErrorDetailCodes as Codes } from "@openclaw/gateway-protocol/connect-error-details";
import { isWebchatClient } from "../../src/policy/clients";
import { isDirectLocalClient } from "../../src/policy/ingress";
import { CLOSE_POLICY_VIOLATION, ERROR_CODES, PROTOCOL_VERSION, ROLES } from "../../src/protocol";
import { admitDevice } from "./admission";
import { admitWithoutDevice } from "./deviceless";
import { authenticate, DEVICE_IDENTITY_REQUIRED } from "./auth";
import { readConnectParams, type ConnectParams } from "./connect-params";
import type { CoreContext, LiveConnection } from "./context";
import { withFields } from "./json-copy";
import { readDeviceBlock, verifyDeviceProof } from "./device-proof";
import { checkBrowserOrigin, ORIGIN_NOT_ALLOWED_MESSAGE } from "./origin-check";
import { refuse, type Refusal } from "./refusal";
import type { ConnectDecision } from "./types";

// The connect handshake (spec §2), in the real gateway's order: params, protocol, role,
// browser origin, device proof, credentials; then pairing and hello-ok (admission.ts).

/** Sent with every PROTOCOL_MISMATCH: the oldest protocol a probe may still speak. */
const MINIMUM_PROBE_PROTOCOL = 3;

function policyRefusal(code: string, message: string, details?: Record<string, unknown>): Refusal {
  return { code, message, details, close: { code: CLOSE_POLICY_VIOLATION, reason: message } };
}

/** The Control UI in a browser and webchat are held to the Origin rule even without one. */
function needsOriginCheck(client: ConnectParams["client"], origin: string | undefined): boolean {
  if (origin?.trim()) return true;
  const browserUi = client.id === IDS.CONTROL_UI || client.id === IDS.BROWSER_COPILOT;
  return browserUi || isWebchatClient(client.id, client.mode);
}

/**
 * Protocol 4, or 3 for a probe (restart probes) or a node host still on the previous
 * protocol; anything else is refused with close 1002 (observed).
 */
function protocolSupported({ minProtocol, maxProtocol, client, role }: ConnectParams): boolean {
  if (minProtocol <= PROTOCOL_VERSION && PROTOCOL_VERSION <= maxProtocol) return true;
  const probe = client.mode === MODES.PROBE && maxProtocol >= 3 && minProtocol <= PROTOCOL_VERSION;
  const legacyNode =
    role === ROLES.node && client.mode === MODES.NODE && maxProtocol >= 3 && minProtocol <= 3;
  return probe || legacyNode;
}

/** Checks that need no device: protocol, role and the browser origin rule. */
function admissionRefusal(ctx: CoreContext, connection: LiveConnection, params: ConnectParams) {
  const { minProtocol, maxProtocol, client } = params;
  if (!protocolSupported(params)) {
    const details = {
      code: Codes.PROTOCOL_MISMATCH,
      clientMinProtocol: minProtocol,
      clientMaxProtocol: maxProtocol,
      expectedProtocol: PROTOCOL_VERSION,
      minimumProbeProtocol: MINIMUM_PROBE_PROTOCOL,
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
  const { origin, host } = connection.facts.headers;
  if (needsOriginCheck(client, origin)) {
    const reason = checkBrowserOrigin({
      origin,
      host,
      allowedOrigins: ctx.config.allowedOrigins,
      isLocalClient: isDirectLocalClient(connection.ingress, host),
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
  const decision = withFields(base, { clientId: params.client.id, clientMode: params.client.mode });
  const admission = admissionRefusal(ctx, connection, params);
  if (admission) return refuse(ctx, connection, frameId, admission, decision);

  const device = readDeviceBlock(params.device);
  const paired = device ? ctx.state.paired.get(device.id) : undefined;
  const auth = authenticate({
    config: ctx.config.auth,
    auth: params.auth,
    client: params.client,
    isLocalClient: isDirectLocalClient(connection.ingress, connection.facts.headers.host),
    hasDevice: device !== undefined,
    paired,
    publicKey: device?.publicKey ?? "",
    role: params.role,
    scopes: params.scopes,
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
  const withDevice = withFields(decision, { deviceId: device.id });
  const proofFailure = await verifyDeviceProof({
    device,
    challenge: connection.challenge,
    now: ctx.clock.now(),
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
