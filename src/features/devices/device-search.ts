import { adminLabel, describeClient, deviceName } from "../../policy";
import type { PairedDevice } from "../../protocol";
import type { DevicesState } from "../../stores/devices-store";

// Search and filters of the devices screen. The text a search looks through is built once per
// device record (the list keeps the records of devices that did not change), ahead of the
// first keystroke while the page is idle.

export type DeviceFilters = Pick<
  DevicesState,
  "search" | "roleFilter" | "clientFilter" | "connectedFilter" | "approvedFilter"
>;

const haystacks = new WeakMap<PairedDevice, string>();

/** Everything a search matches in, lower case, one field a line. */
export function searchText(device: PairedDevice): string {
  let text = haystacks.get(device);
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
    haystacks.set(device, text);
  }
  return text;
}

// An idle callback may be granted up to 50 ms; a keystroke waits for a running slice, so
// each slice stops after a few milliseconds and the next one is asked for.
const SLICE_MS = 4;

/** Builds the search texts a slice at a time while the page is idle. Returns a cancel. */
export function prepareSearch(devices: readonly PairedDevice[]): () => void {
  let next = 0;
  let handle: number | ReturnType<typeof setTimeout> | undefined;
  const idle = typeof requestIdleCallback === "function";
  const step = (deadline?: IdleDeadline) => {
    const stopAt = performance.now() + Math.min(SLICE_MS, deadline?.timeRemaining() ?? SLICE_MS);
    for (; next < devices.length && performance.now() < stopAt; next += 1) {
      const device = devices[next];
      if (device) searchText(device);
    }
    if (next < devices.length) schedule();
    else handle = undefined;
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

/** True when the filters let every device through. */
export function filtersNothing(f: DeviceFilters): boolean {
  return (
    f.search.trim() === "" &&
    f.roleFilter === "all" &&
    f.clientFilter === "all" &&
    f.connectedFilter === "all" &&
    f.approvedFilter === "all"
  );
}

/**
 * The devices that pass the filters, in the order given: filter the sorted list and nothing
 * is sorted again. With no filter it is the given array itself.
 */
export function filterDevices(
  devices: readonly PairedDevice[],
  f: DeviceFilters,
): readonly PairedDevice[] {
  if (filtersNothing(f)) return devices;
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

/** The roles and client ids in the list, each once and sorted: the filter menus' choices. */
export function filterChoices(devices: readonly PairedDevice[]): {
  roles: string[];
  clients: string[];
} {
  const roles = new Set<string>();
  const clients = new Set<string>();
  // Runs once per list, cold, before the first row shows: plain index loops, no iterators.
  for (let index = 0; index < devices.length; index += 1) {
    const device = devices[index] as PairedDevice;
    for (let at = 0; at < device.roles.length; at += 1) {
      const role = device.roles[at];
      if (role) roles.add(role);
    }
    if (device.clientId) clients.add(device.clientId);
  }
  return { roles: [...roles].sort(), clients: [...clients].sort() };
}
