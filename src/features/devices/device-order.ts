import { deviceName } from "../../policy";
import type { PairedDevice } from "../../protocol";
import type { DeviceSort } from "../../stores/devices-store";

const byName = new Intl.Collator(undefined, { sensitivity: "base" });
const byId = new Intl.Collator();

const TIME_OF: Record<DeviceSort, (device: PairedDevice) => number | undefined> = {
  name: () => 0,
  "last-seen": (device) => device.lastSeenAtMs,
  approved: (device) => device.approvedAtMs,
  created: (device) => device.createdAtMs,
};

export function sortDevices(devices: readonly PairedDevice[], sort: DeviceSort): PairedDevice[] {
  const rows = devices.map((device) => ({
    device,
    name: deviceName(device),
    time: TIME_OF[sort](device) ?? -1,
  }));
  rows.sort(
    (a, b) =>
      b.time - a.time ||
      byName.compare(a.name, b.name) ||
      byId.compare(a.device.deviceId, b.device.deviceId),
  );
  return rows.map((row) => row.device);
}
