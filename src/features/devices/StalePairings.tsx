import { useState } from "react";
import { isUnknownDevice, useDeviceAction } from "../../api/device-mutations";
import { readGatewayError, type GatewayErrorInfo } from "../../gateway/gateway-errors";
import { deviceName, stalePairings, type Caller, type PairingGroup } from "../../policy";
import type { PairedDevice } from "../../protocol";
import { useDevicesActions } from "../../stores/devices-store";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { DeviceText } from "../../ui/DeviceText";
import { shownText } from "../../ui/display-text";
import { formatAgo } from "../../ui/relative-time";
import type { OpenAction } from "./DeviceCard";
import { DeviceList } from "./DeviceList";
import { actionNeeds, approvedHow } from "./device-view";

// Older pairings of the same device, folded per device, and "Clean up N stale": removes, one by
// one, the offline ones the gateway approved by itself (src/policy/stale-pairings.ts).

type Props = {
  groups: PairingGroup<PairedDevice>[];
  caller: Caller;
  now: number;
  onAction: OpenAction;
  onElevate: (title: string, scopes: string[]) => void;
};

const pairings = (n: number) => `${n} stale ${n === 1 ? "pairing" : "pairings"}`;

export function StalePairings({ groups, caller, now, onAction, onElevate }: Props) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeviceAction();
  const { noteAdded } = useDevicesActions();
  const stale = stalePairings(groups);
  const [first] = stale;
  const offer = () => {
    const needs = first ? actionNeeds("remove", caller, first) : [];
    if (needs.length > 0) onElevate(`Reconnect to remove ${pairings(stale.length)}?`, needs);
    else setConfirming(true);
  };
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
    const removed = chosen.length - gone - failed.length;
    const text = [
      `Removed ${removed} of ${pairings(chosen.length)}.`,
      gone > 0 ? `${gone} had already been removed elsewhere.` : "",
      failed.length > 0 ? `Not removed, still listed: ${failed.join(", ")}.` : "",
    ];
    noteAdded({ text: text.filter(Boolean).join(" "), tone: failed.length > 0 ? "error" : "success" });
  };
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="older-pairings-heading">
      <h3 id="older-pairings-heading">Older pairings</h3>
      {groups.map(({ primary, older }) => (
        <details key={primary.deviceId}>
          <summary>
            {older.length} older {older.length === 1 ? "pairing" : "pairings"} of{" "}
            <DeviceText value={deviceName(primary)} />
          </summary>
          <DeviceList
            devices={older}
            label={`Older pairings of ${shownText(deviceName(primary))}`}
            caller={caller}
            now={now}
            onAction={onAction}
          />
        </details>
      ))}
      {stale.length > 0 ? (
        <button type="button" onClick={offer}>
          Clean up {stale.length} stale
        </button>
      ) : (
        <p>None can be cleaned up: each is connected or was not approved by the gateway itself.</p>
      )}
      {confirming ? (
        <ConfirmDialog
          title={`Remove ${pairings(stale.length)}?`}
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
                <DeviceText value={deviceName(device)} /> ·{" "}
                <code>
                  <DeviceText value={device.deviceId} limit={Infinity} />
                </code>{" "}
                · approved {approvedHow(device.approvedVia)}
                {device.lastSeenAtMs ? ` · last seen ${formatAgo(device.lastSeenAtMs, now)}` : ""}
              </li>
            ))}
          </ul>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
