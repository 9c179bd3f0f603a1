import { adminLabel, type PairedDevice } from "../protocol";

// What a paired device is called: the admin's rename first (the real gateway stores it as
// `operatorLabel`, the spec calls it `label`), then the name the device reported.

type Named = Pick<PairedDevice, "operatorLabel" | "label" | "displayName">;

/** The admin-given or reported name, trimmed; undefined when there is none. */
export function pairedDeviceName(device: Named | undefined): string | undefined {
  if (!device) return undefined;
  return adminLabel(device) || device.displayName?.trim() || undefined;
}
