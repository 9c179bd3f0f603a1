import { deviceName, type DeviceAction } from "../../api/device-mutations";
import {
  describeClient,
  missingScopes,
  requiredScopesFor,
  tokenActionRequiresAdmin,
} from "../../policy";
import {
  METHODS,
  OPERATOR_SCOPES,
  type DeviceTokenSummary,
  type PairedDevice,
} from "../../protocol";
import type { DevicesState } from "../../stores/devices-store";

// Pure helpers for the devices screen: words, search, filters, sort and what an action needs.

export const APPROVED_VIA = { silent: "silent", owner: "owner" } as const;

export function approvedHow(via: string | undefined): string {
  if (via === APPROVED_VIA.silent) return "automatically on this host";
  if (via === APPROVED_VIA.owner) return "by an admin";
  return via ? `via “${via}”` : "unknown";
}

export type DeviceFilters = Pick<
  DevicesState,
  "search" | "roleFilter" | "clientFilter" | "connectedFilter" | "approvedFilter" | "sort"
>;

function searchText(device: PairedDevice): string {
  return [
    deviceName(device),
    device.displayName,
    device.label,
    device.deviceId,
    device.clientId,
    describeClient(device.clientId, device.clientMode),
    device.platform,
    device.deviceFamily,
    ...device.roles,
    ...device.scopes,
  ]
    .filter(Boolean)
    .join("\n")
    .toLowerCase();
}

export function filterDevices(devices: readonly PairedDevice[], f: DeviceFilters): PairedDevice[] {
  const words = f.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return devices.filter((device) => {
    if (f.roleFilter !== "all" && !device.roles.includes(f.roleFilter)) return false;
    if (f.clientFilter !== "all" && device.clientId !== f.clientFilter) return false;
    if (f.connectedFilter === "connected" && !device.connected) return false;
    if (f.connectedFilter === "offline" && device.connected) return false;
    if (f.approvedFilter !== "all" && device.approvedVia !== f.approvedFilter) return false;
    if (words.length === 0) return true;
    const text = searchText(device);
    return words.every((word) => text.includes(word));
  });
}

const newestFirst = (a: number | undefined, b: number | undefined) => (b ?? -1) - (a ?? -1);

export function sortDevices(
  devices: readonly PairedDevice[],
  sort: DeviceFilters["sort"],
): PairedDevice[] {
  const byName = (a: PairedDevice, b: PairedDevice) =>
    deviceName(a).localeCompare(deviceName(b), undefined, { sensitivity: "base" }) ||
    a.deviceId.localeCompare(b.deviceId);
  const compare: Record<DeviceFilters["sort"], (a: PairedDevice, b: PairedDevice) => number> = {
    name: byName,
    "last-seen": (a, b) => newestFirst(a.lastSeenAtMs, b.lastSeenAtMs) || byName(a, b),
    approved: (a, b) => newestFirst(a.approvedAtMs, b.approvedAtMs) || byName(a, b),
    created: (a, b) => newestFirst(a.createdAtMs, b.createdAtMs) || byName(a, b),
  };
  return [...devices].sort(compare[sort]);
}

/** Distinct values for the filter menus, sorted. */
export function distinct(values: Iterable<string | undefined>): string[] {
  const set = new Set<string>();
  for (const value of values) if (value) set.add(value);
  return [...set].sort();
}

/**
 * The scopes this admin lacks for `action` (empty when allowed). Token actions on another
 * role, or rotating a token broader than the admin's own, need operator.admin too (spec §3).
 */
export function actionNeeds(
  type: DeviceAction["type"],
  callerScopes: readonly string[],
  token?: DeviceTokenSummary,
): string[] {
  const method = {
    rename: METHODS.pairRename,
    remove: METHODS.pairRemove,
    rotate: METHODS.tokenRotate,
    revoke: METHODS.tokenRevoke,
  }[type];
  const needed = requiredScopesFor(method) ?? [];
  if (token && (type === "rotate" || type === "revoke")) {
    const requestedScopes = type === "rotate" ? token.scopes : [];
    if (tokenActionRequiresAdmin({ callerScopes, targetRole: token.role, requestedScopes })) {
      needed.push(OPERATOR_SCOPES.admin);
    }
  }
  return missingScopes(callerScopes, needed);
}
