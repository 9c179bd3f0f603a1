import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
} from "@openclaw/gateway-protocol/client-info";
import { ConnectErrorDetailCodes as Codes } from "@openclaw/gateway-protocol/connect-error-details";
import { AUTH_METHODS } from "../../src/policy/auth-methods";
import { isWebchatClient } from "../../src/policy/clients";
import { ERROR_CODES, PROTOCOL_VERSION, ROLES } from "../../src/protocol";
import { admitDevice } from "./admission";
import {
  authenticateWithDeviceToken,
  checkDeviceToken,
  checkSharedSecret,
  unauthorizedError,
} from "./auth";
import { readConnectParams, type ConnectParams } from "./connect-params";
import { isLocalConnection } from "./connection-locality";
import type { CoreContext, LiveConnection } from "./context";
import { admitWithoutDevice } from "./deviceless";
import { withFields } from "./json-copy";
import { verifyDeviceProof } from "./device-proof";
import { checkBrowserOrigin, ORIGIN_NOT_ALLOWED_MESSAGE } from "./origin-check";
import { policyRefusal, refuse } from "./refusal";
import type { ConnectDecision } from "./types";

// The connect handshake (spec §2), in the real gateway's order: protocol, role, client rules,
// browser origin, shared secret, device identity, device proof, device token; then pairing
// and hello-ok (admission.ts).

/** Sent with every PROTOCOL_MISMATCH: the oldest protocol a probe may still speak. */
const MINIMUM_PROBE_PROTOCOL = 3;
const COPILOT_CAPS = ["run-tool-bindings", "session-scoped-events"];
const COPILOT_MESSAGE =
  "browser copilot requires ui mode with run-tool-bindings and session-scoped-events capabilities";

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

/** Checks that need no credential: protocol, role, the browser copilot's shape, the Origin. */
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
  const copilotCaps = COPILOT_CAPS.every((cap) => params.caps.includes(cap));
  if (client.id === IDS.BROWSER_COPILOT && (client.mode !== MODES.UI || !copilotCaps)) {
    // The mock hosts no copilot: one that qualifies would next need a Chrome extension origin.
    return policyRefusal(ERROR_CODES.invalidRequest, COPILOT_MESSAGE);
  }
  const { origin, host } = connection.facts.headers;
  if (needsOriginCheck(client, origin)) {
    const reason = checkBrowserOrigin({
      origin,
      host,
      allowedOrigins: ctx.config.allowedOrigins,
      isLocalClient: isLocalConnection(connection),
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
  const params = readConnectParams(rawParams);
  const decision: ConnectDecision = {
    at: ctx.clock.now(),
    connId: connection.connId,
    clientId: params.client.id,
    clientMode: params.client.mode,
    ingress: connection.ingress,
    outcome: "refused",
  };
  const admission = admissionRefusal(ctx, connection, params);
  if (admission) return refuse(ctx, connection, frameId, admission, decision);

  const isLocalClient = isLocalConnection(connection);
  const shared = checkSharedSecret(ctx.config.auth, params.auth);
  const device = params.device;
  if (!device) return admitWithoutDevice(ctx, connection, frameId, { params, shared, decision });

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
  const paired = ctx.state.paired.get(device.id);
  const auth = shared.ok
    ? shared
    : authenticateWithDeviceToken(shared, params.auth, (candidate) =>
        checkDeviceToken(paired, params.role, params.scopes, candidate),
      );
  if (auth.ok && auth.method === AUTH_METHODS.deviceToken && paired) {
    // Verifying a device token records its use at once, whatever the connect comes to.
    const now = ctx.clock.now();
    const token = paired.tokens?.find((entry) => entry.role === params.role.trim());
    if (token) token.lastUsedAtMs = now;
    paired.lastSeenAtMs = now;
    paired.lastSeenReason = "device-token-auth";
    void ctx.state.persist();
  }
  if (!auth.ok) {
    const { message, details } = unauthorizedError(auth.reason, params.auth, params.client, {
      hasDevice: true,
      isLocalClient,
    });
    const refusal = policyRefusal(ERROR_CODES.invalidRequest, message, details);
    return refuse(ctx, connection, frameId, refusal, withDevice);
  }
  await admitDevice(ctx, connection, frameId, { params, device, auth, decision: withDevice });
}
