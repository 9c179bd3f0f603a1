import { adminLabel, describeClient, deviceName } from "../../policy";
import type { PairedDevice } from "../../protocol";
import type { DevicesState } from "../../stores/devices-store";

export type DeviceFilters = Pick<
  DevicesState,
  "search" | "roleFilter" | "clientFilter" | "connectedFilter" | "approvedFilter"
>;

export function searchText(device: PairedDevice): string {
  return [
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
}

export function filtersNothing(f: DeviceFilters): boolean {
  return (
    f.search.trim() === "" &&
    f.roleFilter === "all" &&
    f.clientFilter === "all" &&
    f.connectedFilter === "all" &&
    f.approvedFilter === "all"
  );
}

/** The devices that pass, in the order given (no filter: the given array itself). */
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

export function filterChoices(devices: readonly PairedDevice[]) {
  const roles = new Set(devices.flatMap((device) => device.roles).filter(Boolean));
  const clients = new Set(devices.map((device) => device.clientId ?? "").filter(Boolean));
  return { roles: [...roles].sort(), clients: [...clients].sort() };
}
