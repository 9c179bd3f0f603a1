import { isControlUiClient } from "../../src/policy/clients";
import {
  decideMissingDevice,
  devicelessKeepsScopes,
  skipsLocalBackendPairing,
} from "../../src/policy/device-identity";
import { ERROR_CODES } from "../../src/protocol";
import {
  CONTROL_UI_NEEDS_DEVICE,
  DEVICE_IDENTITY_REQUIRED,
  unauthorizedError,
  type AuthOutcome,
} from "./auth";
import type { ConnectParams } from "./connect-params";
import { connectionLocality, isLocalConnection } from "./connection-locality";
import type { CoreContext, LiveConnection } from "./context";
import { buildHelloOk } from "./hello";
import { policyRefusal, refuse } from "./refusal";
import type { ConnectDecision } from "./types";

// A connect without a device block (the `openclaw devices …` CLI sends none on a loopback URL
// with the shared token). The rules of src/policy/device-identity.ts decide: an operator whose
// shared secret verified is admitted without pairing, its scopes cleared unless it is a local
// CLI or local backend client; the Control UI always needs a device.

type Deviceless = { params: ConnectParams; shared: AuthOutcome; decision: ConnectDecision };

export function admitWithoutDevice(
  ctx: CoreContext,
  connection: LiveConnection,
  frameId: string,
  { params, shared, decision }: Deviceless,
): void {
  const locality = connectionLocality(connection, params.client, shared);
  const facts = {
    client: params.client,
    locality: locality.locality,
    hasBrowserOriginHeader: locality.origin !== undefined,
    sharedAuthOk: shared.sharedSecretOk,
    authMethod: shared.method,
  };
  const outcome = decideMissingDevice({
    role: params.role,
    isOperatorUi:
      isControlUiClient(params.client.id) || params.client.id === "openclaw-browser-copilot",
    localBackend: skipsLocalBackendPairing(facts),
    sharedAuthOk: shared.sharedSecretOk,
    authOk: shared.ok,
    hasSharedAuth: Boolean(params.auth.token || params.auth.password),
  });
  const traced = { ...decision, locality: locality.locality, localityWhy: locality.why };
  if (outcome === "control-ui-needs-device") {
    const { message, detailCode } = CONTROL_UI_NEEDS_DEVICE;
    const refusal = policyRefusal(ERROR_CODES.invalidRequest, message, { code: detailCode });
    return refuse(ctx, connection, frameId, refusal, traced);
  }
  if (outcome === "device-required") {
    const { message, detailCode } = DEVICE_IDENTITY_REQUIRED;
    const refusal = policyRefusal(ERROR_CODES.notPaired, message, { code: detailCode });
    return refuse(ctx, connection, frameId, refusal, traced);
  }
  if (outcome === "unauthorized" || !shared.ok) {
    const reason = shared.ok ? "unauthorized" : shared.reason;
    const { message, details } = unauthorizedError(reason, params.auth, params.client, {
      hasDevice: false,
      isLocalClient: isLocalConnection(connection),
    });
    return refuse(
      ctx,
      connection,
      frameId,
      policyRefusal(ERROR_CODES.invalidRequest, message, details),
      traced,
    );
  }
  const scopes = devicelessKeepsScopes(facts, outcome) ? params.scopes : [];
  connection.session = {
    deviceId: "",
    role: params.role,
    scopes,
    clientId: params.client.id,
    deviceTokenAuth: false,
  };
  const hello = buildHelloOk(ctx, connection, { method: shared.method, role: params.role, scopes });
  ctx.send(connection, { type: "res", id: frameId, ok: true, payload: hello });
  ctx.admitted(connection);
  ctx.recordDecision({ ...traced, reason: "none", outcome: "hello" });
}
