import {
  OPERATOR_SCOPES,
  ROLES,
  type DeviceTokenSummary,
  type PairedDevice,
  type PendingRequest,
  type WireText,
} from "../protocol";
import { approvedScopesOf } from "./approved-access";
import { missingScopes, scopesSatisfy } from "./scopes";

// Which scopes each device action needs, as measured on 2026.9.6 (docs/real-gateway-admin-and-
// nodes.md §4): what a session lacks is what "Reconnect with …" asks for.

const { admin, pairing } = OPERATOR_SCOPES;

export type Caller = {
  scopes: readonly string[];
  /** A session signed in with its device token only may touch its own device alone. */
  deviceTokenOnly?: boolean;
  deviceId?: string;
};

export type DeviceActionTarget =
  | {
      action: "approve";
      request: Pick<PendingRequest, "deviceId" | "role" | "roles" | "scopes">;
      /** The paired record of the same device and key, if any. */
      paired?: Pick<PairedDevice, "role" | "roles" | "scopes" | "approvedScopes" | "tokens">;
    }
  | { action: "reject" | "rename" | "remove"; deviceId: string }
  | {
      action: "rotate" | "revoke";
      deviceId: string;
      token: Pick<DeviceTokenSummary, "role" | "scopes">;
    };

function needed(target: DeviceActionTarget): string[] {
  const scopes: string[] = [pairing];
  if (target.action === "approve") {
    const { request, paired } = target;
    // Approval unites the ask with what the device holds, and the approver must hold all of it.
    const kept = paired ? approvedScopesOf(paired) : [];
    scopes.push(...[...request.scopes, ...kept].filter((scope) => scope.startsWith("operator.")));
    const otherRole = [request.role, ...request.roles].some(
      (role) => role && role !== ROLES.operator,
    );
    const adminToken = paired?.tokens?.some((token) => scopesSatisfy(token.scopes, [admin]));
    if (otherRole || adminToken) scopes.push(admin);
  } else if (target.action === "rotate" || target.action === "revoke") {
    // Another role's token, or one broader than the caller's scopes, needs operator.admin.
    scopes.push(...(target.token.role === ROLES.operator ? target.token.scopes : [admin]));
  }
  return scopes;
}

/** The fewest scopes the caller must add to do it: [] when the gateway allows it. */
export function scopesToAct(caller: Caller, target: DeviceActionTarget): WireText[] {
  const scopes = needed(target);
  const deviceId = target.action === "approve" ? target.request.deviceId : target.deviceId;
  if (caller.deviceTokenOnly && deviceId !== caller.deviceId) scopes.push(admin);
  return scopesToAdd(caller.scopes, scopes);
}

/** The fewest scopes to add to `held` to satisfy `needed` (one implied by another is left out). */
export function scopesToAdd(held: readonly string[], needed: readonly string[]): WireText[] {
  const missing = missingScopes(held, needed);
  return missing.filter(
    (scope) =>
      !scopesSatisfy(
        missing.filter((other) => other !== scope),
        [scope],
      ),
  );
}
