import { LOCALITIES, ROLES, type Locality } from "../../src/protocol";
import type { AuthOutcome } from "./auth";
import type { ConnectParams } from "./connect-params";
import { connectionLocality } from "./connection-locality";
import type { CoreContext, LiveConnection } from "./context";
import { buildHelloOk } from "./hello";
import type { ConnectDecision } from "./types";

// A connect without a device block. The real gateway (its installed handshake code, and
// the `openclaw devices …` CLI which sends no device on a loopback URL with the shared
// token) admits an operator whose shared secret verified, with no pairing at all. Its
// scopes are cleared unless a local CLI or local backend client asked without an Origin.

type SharedSecretAuth = Extract<AuthOutcome, { ok: true }>;

function keepsRequestedScopes(params: ConnectParams, locality: Locality, hasOrigin: boolean) {
  if (hasOrigin) return false;
  const { id, mode } = params.client;
  if (id === "cli" && mode === "cli") {
    return locality === LOCALITIES.directLocal || locality === LOCALITIES.cliContainerLocal;
  }
  if (id === "gateway-client" && mode === "backend") {
    return locality === LOCALITIES.directLocal || locality === LOCALITIES.sharedSecretLoopbackLocal;
  }
  return false;
}

/** True when this device-less connect is admitted (and hello-ok was sent). */
export function admitWithoutDevice(
  ctx: CoreContext,
  connection: LiveConnection,
  frameId: string,
  params: ConnectParams,
  auth: SharedSecretAuth,
  decision: ConnectDecision,
): boolean {
  if (params.role !== ROLES.operator || !auth.sharedSecretOk) return false;
  const locality = connectionLocality(connection, params.client, auth);
  const origin = locality.origin;
  const scopes = keepsRequestedScopes(params, locality.locality, origin !== undefined)
    ? params.scopes
    : [];
  connection.session = {
    deviceId: "",
    role: params.role,
    scopes,
    clientId: params.client.id,
    deviceTokenAuth: false,
  };
  const hello = buildHelloOk(ctx, connection, {
    role: params.role,
    scopes,
    issuedAtMs: ctx.clock.now(),
  });
  ctx.send(connection, { type: "res", id: frameId, ok: true, payload: hello });
  ctx.recordDecision({
    ...decision,
    locality: locality.locality,
    localityWhy: locality.why,
    reason: "none",
    outcome: "hello",
  });
  return true;
}
