import { deviceName, type DeviceAction } from "../../api/device-mutations";
import {
  describeClient,
  missingScopes,
  requiredScopesFor,
  tokenActionRequiresAdmin,
} from "../../policy";
import {
  adminLabel,
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

// One collator each, shared: `localeCompare` with options builds a new one on every call,
// which was most of the cost of sorting 10,000 devices.
const byBaseLetters = new Intl.Collator(undefined, { sensitivity: "base" });
const byEveryDifference = new Intl.Collator();

// Keys per device, computed once: a list patched by an event keeps its other device objects.
const names = new WeakMap<PairedDevice, string>();
const searchTexts = new WeakMap<PairedDevice, string>();

function nameKey(device: PairedDevice): string {
  let name = names.get(device);
  if (name === undefined) {
    name = deviceName(device);
    names.set(device, name);
  }
  return name;
}

function searchText(device: PairedDevice): string {
  let text = searchTexts.get(device);
  if (text === undefined) {
    text = [
      deviceName(device),
      device.displayName,
      adminLabel(device),
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
    searchTexts.set(device, text);
  }
  return text;
}

const WARM_SLICE = 500;

/**
 * Builds the search keys before the first search, a slice at a time while the page is idle,
 * so the first keystroke over 10,000 devices does not pay for them. Returns a cancel.
 */
export function prepareSearch(devices: readonly PairedDevice[]): () => void {
  let next = 0;
  let handle: number | ReturnType<typeof setTimeout> | undefined;
  const idle = typeof requestIdleCallback === "function";
  const step = (deadline?: IdleDeadline) => {
    const end = Math.min(devices.length, next + WARM_SLICE);
    for (; next < devices.length; next += 1) {
      if (deadline ? deadline.timeRemaining() < 1 : next >= end) break;
      const device = devices[next];
      if (device) searchText(device);
    }
    if (next < devices.length) schedule();
  };
  const schedule = () => {
    handle = idle ? requestIdleCallback(step) : setTimeout(step, 0);
  };
  schedule();
  return () => {
    if (handle === undefined) return;
    if (idle) cancelIdleCallback(handle as number);
    else clearTimeout(handle);
  };
}

/** The devices that pass the filters, in the order given (filter a sorted list: no re-sort). */
export function filterDevices(
  devices: readonly PairedDevice[],
  f: DeviceFilters,
): readonly PairedDevice[] {
  const words = f.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const unfiltered =
    words.length === 0 &&
    f.roleFilter === "all" &&
    f.clientFilter === "all" &&
    f.connectedFilter === "all" &&
    f.approvedFilter === "all";
  if (unfiltered) return devices;
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

type Keyed = { device: PairedDevice; name: string };

const newestFirst = (a: number | undefined, b: number | undefined) => (b ?? -1) - (a ?? -1);

const byName = (a: Keyed, b: Keyed) =>
  byBaseLetters.compare(a.name, b.name) ||
  byEveryDifference.compare(a.device.deviceId, b.device.deviceId);

const comparators: Record<DeviceFilters["sort"], (a: Keyed, b: Keyed) => number> = {
  name: byName,
  "last-seen": (a, b) => newestFirst(a.device.lastSeenAtMs, b.device.lastSeenAtMs) || byName(a, b),
  approved: (a, b) => newestFirst(a.device.approvedAtMs, b.device.approvedAtMs) || byName(a, b),
  created: (a, b) => newestFirst(a.device.createdAtMs, b.device.createdAtMs) || byName(a, b),
};

// Sorted copies per list and sort: searching and going back to the full list sort nothing.
const sortedLists = new WeakMap<
  readonly PairedDevice[],
  Map<DeviceFilters["sort"], readonly PairedDevice[]>
>();

/** The devices in `sort` order; the same array for the same list and sort (do not change it). */
export function sortDevices(
  devices: readonly PairedDevice[],
  sort: DeviceFilters["sort"],
): readonly PairedDevice[] {
  let bySort = sortedLists.get(devices);
  if (!bySort) {
    bySort = new Map();
    sortedLists.set(devices, bySort);
  }
  let sorted = bySort.get(sort);
  if (!sorted) {
    const keyed = devices.map((device) => ({ device, name: nameKey(device) }));
    sorted = keyed.sort(comparators[sort]).map((row) => row.device);
    bySort.set(sort, sorted);
  }
  return sorted;
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
