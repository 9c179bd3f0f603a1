import { tokenActionRequiresAdmin } from "../../../src/policy/method-scopes";
import { scopesSatisfy, normalizeScopes } from "../../../src/policy/scopes";
import { METHODS, OPERATOR_SCOPES } from "../../../src/protocol";
import { revokeToken, rotateToken } from "../pairing";
import { forbiddenMissingScope, invalid, optionalStringList, requireStrings } from "./params";
import type { MethodCall, MethodHandler, MethodResult } from "./types";

// device.token.rotate / revoke. Beyond operator.pairing, touching a non-operator role or
// minting a token broader than the caller's own scopes needs operator.admin (spec §3).

function adminGate(
  call: MethodCall,
  role: string,
  requestedScopes: string[],
): MethodResult | undefined {
  const callerScopes = call.session.scopes;
  const needsAdmin = tokenActionRequiresAdmin({ callerScopes, targetRole: role, requestedScopes });
  if (needsAdmin && !scopesSatisfy(callerScopes, [OPERATOR_SCOPES.admin])) {
    return forbiddenMissingScope(OPERATOR_SCOPES.admin, [
      OPERATOR_SCOPES.pairing,
      OPERATOR_SCOPES.admin,
    ]);
  }
  return undefined;
}

export const deviceTokenHandlers: Record<string, MethodHandler> = {
  [METHODS.tokenRotate]: (call) => {
    const { ctx, method, params, session } = call;
    const read = requireStrings(method, params, ["deviceId", "role"]);
    if (!read.ok) return read.result;
    const { deviceId, role } = read.values;
    const device = ctx.state.paired.get(deviceId.trim());
    const asked = optionalStringList(params.scopes);
    const current = device?.tokens?.find((token) => token.role === role);
    const scopes = normalizeScopes(asked ?? current?.scopes ?? device?.scopes ?? []);
    const gate = adminGate(call, role, scopes);
    if (gate) return gate;
    const rotated = device ? rotateToken(device, role, scopes, ctx.clock.now()) : undefined;
    if (!device || !rotated) return invalid("device token rotation denied");
    if (asked) device.scopes = scopes;
    void ctx.state.persist();
    // Only a device rotating its own token gets the new secret in-band.
    const inBand = session.deviceId === device.deviceId;
    return {
      ok: true,
      payload: {
        deviceId: device.deviceId,
        role,
        ...(inBand ? { token: rotated.secret.token } : {}),
        scopes: rotated.summary.scopes,
        rotatedAtMs: rotated.summary.rotatedAtMs,
        tokenDelivery: inBand ? "in-band" : "withheld-cross-device",
      },
      after: () => ctx.disconnectDevice(device.deviceId, "device token rotated", role),
    };
  },

  [METHODS.tokenRevoke]: (call) => {
    const { ctx, method, params } = call;
    const read = requireStrings(method, params, ["deviceId", "role"]);
    if (!read.ok) return read.result;
    const { deviceId, role } = read.values;
    const gate = adminGate(call, role, []);
    if (gate) return gate;
    const device = ctx.state.paired.get(deviceId.trim());
    const revoked = device ? revokeToken(device, role, ctx.clock.now()) : undefined;
    if (!device || !revoked) return invalid("device token revocation denied");
    void ctx.state.persist();
    return {
      ok: true,
      payload: { deviceId: device.deviceId, role, revokedAtMs: revoked.revokedAtMs },
      after: () => ctx.disconnectDevice(device.deviceId, "device token revoked", role),
    };
  },
};
