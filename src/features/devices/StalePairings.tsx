import { useState } from "react";
import { isUnknownDevice, useDeviceAction } from "../../api/device-mutations";
import { readGatewayError, type GatewayErrorInfo } from "../../gateway/gateway-errors";
import { deviceName, stalePairings, type Caller, type PairingGroup } from "../../policy";
import type { PairedDevice } from "../../protocol";
import { useDevicesActions } from "../../stores/devices-store";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { DeviceText } from "../../ui/DeviceText";
import { shownText } from "../../ui/display-text";
import type { OpenAction } from "./DeviceCard";
import { DeviceList } from "./DeviceList";
import { approvedHow } from "./device-view";

type Props = { groups: PairingGroup[]; caller: Caller; now: number; onAction: OpenAction };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function StalePairings({ groups, caller, now, onAction }: Props) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeviceAction();
  const { noteAdded } = useDevicesActions();
  const stale = stalePairings(groups);
  const cleanUp = async (chosen: PairedDevice[]) => {
    setConfirming(false);
    const failed: string[] = [];
    let gone = 0;
    for (const device of chosen) {
      const problem = await new Promise<GatewayErrorInfo | undefined>((resolve) =>
        remove(
          { type: "remove", deviceId: device.deviceId },
          { onSuccess: () => resolve(undefined), onError: (e) => resolve(readGatewayError(e)) },
        ),
      );
      if (problem && isUnknownDevice(problem)) gone += 1;
      else if (problem) failed.push(`“${shownText(deviceName(device))}” (${problem.message})`);
    }
    const text = [
      `Removed ${chosen.length - gone - failed.length} of ${plural(chosen.length, "stale pairing")}.`,
      gone > 0 ? `${gone} had already been removed elsewhere.` : "",
      failed.length > 0 ? `Not removed, still listed: ${failed.join(", ")}.` : "",
    ];
    noteAdded({ text: text.filter(Boolean).join(" "), tone: failed.length ? "error" : "success" });
  };
  if (groups.length === 0) return null;
  return (
    <section aria-label="Older pairings">
      {groups.map(({ primary, older }) => (
        <details key={primary.deviceId}>
          <summary>
            {plural(older.length, "older pairing")} of <DeviceText value={deviceName(primary)} />
          </summary>
          <DeviceList
            devices={older}
            label={`Older pairings of ${shownText(deviceName(primary))}`}
            {...{ caller, now, onAction }}
          />
        </details>
      ))}
      {stale.length > 0 ? (
        <button type="button" onClick={() => setConfirming(true)}>
          Clean up {stale.length} stale
        </button>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={`Remove ${plural(stale.length, "stale pairing")}?`}
          confirmLabel={`Remove ${stale.length}`}
          tone="danger"
          onCancel={() => setConfirming(false)}
          onConfirm={() => void cleanUp(stale)}
        >
          <p>
            Each is offline, is an older pairing of a device listed here, and was approved by the
            gateway itself, not by an admin. Its pairing and tokens are deleted. If that client
            connects again it is paired anew: silently where the gateway allows it, else as a
            request to approve.
          </p>
          <ul aria-label="Pairings to remove">
            {stale.map((device) => (
              <li key={device.deviceId}>
                <DeviceText value={deviceName(device)} /> · <DeviceText value={device.deviceId} /> ·
                approved <DeviceText value={approvedHow(device.approvedVia)} />
              </li>
            ))}
          </ul>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
