import type { PairedDevice, WireText } from "../protocol";
import { describeClient } from "./clients";

// What every screen calls a device: the admin's label (`operatorLabel`, or the spec's `label`),
// then the name the device reports, then its client in plain words, then a short id.

type Nameable = Pick<
  PairedDevice,
  "deviceId" | "operatorLabel" | "label" | "displayName" | "clientId" | "clientMode"
>;

export function adminLabel(
  device: Pick<PairedDevice, "label" | "operatorLabel">,
): WireText | undefined {
  return device.operatorLabel?.trim() || device.label?.trim() || undefined;
}

/** The label or the reported name; undefined for a nameless device (it clashes with none). */
export function ownName(device: Partial<Nameable>): WireText | undefined {
  return adminLabel(device) || device.displayName?.trim() || undefined;
}

export function shortDeviceId(deviceId: string): WireText {
  return deviceId.slice(0, 12);
}

export function deviceName(device: Nameable): WireText {
  return (
    ownName(device) ||
    (device.clientId?.trim()
      ? describeClient(device.clientId, device.clientMode)
      : shortDeviceId(device.deviceId))
  );
}

/** A request goes by its device's label, else by what the device reports now. */
export function requestName(
  request: Omit<Nameable, "operatorLabel" | "label">,
  paired: Pick<PairedDevice, "operatorLabel" | "label"> | undefined,
): WireText {
  return deviceName({ ...request, operatorLabel: paired?.operatorLabel, label: paired?.label });
}
