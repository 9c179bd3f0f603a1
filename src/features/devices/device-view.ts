import type { DeviceAction } from "../../api/device-mutations";
import { scopesToAct, type Caller } from "../../policy";
import type { DeviceTokenSummary, PairedDevice, WireText } from "../../protocol";

export const APPROVED_VIA = { silent: "silent", owner: "owner" } as const;

export function approvedHow(via: string | undefined): WireText {
  if (via === APPROVED_VIA.silent) return "automatically on this host";
  if (via === APPROVED_VIA.owner) return "by an admin";
  return via ? `via “${via}”` : "unknown";
}

export function actionNeeds(
  type: DeviceAction["type"],
  caller: Caller,
  device: Pick<PairedDevice, "deviceId">,
  token?: DeviceTokenSummary,
): WireText[] {
  const { deviceId } = device;
  if ((type === "rotate" || type === "revoke") && token) {
    return scopesToAct(caller, { action: type, deviceId, token });
  }
  return scopesToAct(caller, { action: type === "rename" ? type : "remove", deviceId });
}
