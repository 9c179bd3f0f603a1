import { OPERATOR_SCOPES } from "../../../src/protocol";
import type { StoredPairedDevice } from "../types";
import type { Session } from "./types";

// The real gateway's device-management rules, shared by device.pair.* and node.pair.*: a
// non-admin caller that authenticated with a device token manages only its own device, and
// only an admin touches a device holding a non-operator role.

export function isAdmin(session: Session): boolean {
  return session.scopes.includes(OPERATOR_SCOPES.admin);
}

/** The device a device-token caller is bound to; undefined for shared-secret callers. */
export function boundDevice(session: Session): string | undefined {
  return session.deviceTokenAuth && session.deviceId ? session.deviceId : undefined;
}

/** The device a non-admin device-token caller is limited to; undefined when unlimited. */
export function limitedTo(session: Session): string | undefined {
  return isAdmin(session) ? undefined : boundDevice(session);
}

export function deniesOtherDevice(session: Session, deviceId: string): boolean {
  const own = limitedTo(session);
  return own !== undefined && own !== deviceId.trim();
}

export function hasNonOperatorRole(device: { role?: string; roles?: string[] }): boolean {
  return [device.role, ...(device.roles ?? [])].some((role) => role && role !== "operator");
}

function pairedHasNonOperatorRole(device: StoredPairedDevice): boolean {
  return hasNonOperatorRole(device) || (device.tokens ?? []).some((t) => t.role !== "operator");
}

/** A non-admin device-token caller may not touch a device holding a non-operator role. */
export function deniesRoleManagement(session: Session, device: StoredPairedDevice | undefined) {
  return limitedTo(session) !== undefined && device !== undefined
    ? pairedHasNonOperatorRole(device)
    : false;
}
