import { approvedRoles } from "../../../src/policy/approved-access";
import {
  METHODS,
  OPERATOR_SCOPES,
  ROLES,
  TOKEN_REVOCATION_DENIED_MESSAGE,
  TOKEN_ROTATION_DENIED_MESSAGE,
} from "../../../src/protocol";
import {
  approvedBaseline,
  firstMissingScope,
  issueToken,
  revokeToken,
  tokenScopes,
} from "../tokens";
import type { StoredPairedDevice } from "../types";
import { checkParams, invalid } from "./params";
import type { MethodCall, MethodHandler, MethodResult } from "./types";

// device.token.rotate / revoke as the real gateway answers them: every refusal is the same
// INVALID_REQUEST "device token rotation denied" (or "…revocation denied") with no details,
// whether the caller lacks operator.admin for another role, lacks a scope the token carries,
// or names an unknown device or role (observed).

type Target = { device: StoredPairedDevice; role: string };

/** The caller may manage this device and role, and the device holds that role. */
function target(call: MethodCall, deviceId: string, role: string): Target | undefined {
  const { session, ctx } = call;
  const admin = session.scopes.includes(OPERATOR_SCOPES.admin);
  const own = session.deviceTokenAuth && session.deviceId ? session.deviceId : undefined;
  if (own && own !== deviceId.trim() && !admin) return undefined;
  if (!admin && role.trim() !== ROLES.operator) return undefined;
  const device = ctx.state.paired.get(deviceId.trim());
  if (!device || !approvedRoles(device).includes(role.trim())) return undefined;
  return { device, role: role.trim() };
}

/** An operator token may only be minted or revoked by a caller holding all of its scopes. */
function callerLacks(call: MethodCall, role: string, scopes: readonly string[]): boolean {
  if (role !== ROLES.operator) return false;
  return firstMissingScope(role, scopes, call.session.scopes) !== undefined;
}

function rotate(call: MethodCall): MethodResult {
  const { ctx, method, params, session } = call;
  const read = checkParams(method, params);
  if (!read.ok) return read.result;
  const {
    deviceId,
    role,
    scopes: asked,
  } = read.values as {
    deviceId: string;
    role: string;
    scopes?: string[];
  };
  const found = target(call, deviceId, role);
  if (!found) return invalid(TOKEN_ROTATION_DENIED_MESSAGE);
  const { device } = found;
  const current = device.tokens?.find((token) => token.role === found.role);
  const scopes = tokenScopes(asked ?? current?.scopes ?? device.scopes);
  const outsideApproval =
    firstMissingScope(found.role, scopes, approvedBaseline(device)) !== undefined;
  if (outsideApproval || callerLacks(call, found.role, scopes)) {
    return invalid(TOKEN_ROTATION_DENIED_MESSAGE);
  }
  const rotated = issueToken(device, found.role, scopes, ctx.clock.now());
  void ctx.state.persist();
  // Only a device rotating its own token gets the new secret in-band.
  const inBand = session.deviceTokenAuth && session.deviceId === device.deviceId;
  return {
    ok: true,
    payload: {
      deviceId,
      role: found.role,
      ...(inBand ? { token: rotated.secret.token } : {}),
      scopes: rotated.summary.scopes,
      rotatedAtMs: rotated.summary.rotatedAtMs ?? rotated.summary.createdAtMs,
      tokenDelivery: inBand ? "in-band" : "withheld-cross-device",
    },
    after: () => ctx.disconnectDevice(device.deviceId, found.role),
  };
}

function revoke(call: MethodCall): MethodResult {
  const { ctx, method, params } = call;
  const read = checkParams(method, params);
  if (!read.ok) return read.result;
  const { deviceId, role } = read.values as { deviceId: string; role: string };
  const found = target(call, deviceId, role);
  const current = found?.device.tokens?.find((token) => token.role === found.role);
  if (!found || !current || callerLacks(call, found.role, tokenScopes(current.scopes))) {
    return invalid(TOKEN_REVOCATION_DENIED_MESSAGE);
  }
  const revoked = revokeToken(found.device, found.role, ctx.clock.now());
  if (!revoked) return invalid(TOKEN_REVOCATION_DENIED_MESSAGE);
  void ctx.state.persist();
  return {
    ok: true,
    payload: {
      deviceId: found.device.deviceId,
      role: found.role,
      revokedAtMs: revoked.revokedAtMs,
    },
    after: () => ctx.disconnectDevice(found.device.deviceId, found.role),
  };
}

export const deviceTokenHandlers: Record<string, MethodHandler> = {
  [METHODS.tokenRotate]: rotate,
  [METHODS.tokenRevoke]: revoke,
};
