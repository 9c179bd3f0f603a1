import { useCallback, useMemo, useRef, useState } from "react";
import { usePairList } from "../../api/pair-list";
import { useGatewayConnection } from "../../gateway/context";
import { adminLabel, deviceName, duplicatePairings } from "../../policy";
import { useRouteMatch } from "../../routing/router";
import { DevicesStoreProvider, useDevicesStore } from "../../stores/devices-store";
import { useNow } from "../../ui/clock";
import { shownText } from "../../ui/display-text";
import { ElevationDialog } from "../../ui/ElevationDialog";
import "./devices.css";
import { DeviceActionDialog } from "./DeviceActionDialog";
import type { OpenAction } from "./DeviceCard";
import { DeviceDetails, type DevicesViewProps } from "./DeviceDetails";
import { DeviceList } from "./DeviceList";
import { DeviceNotes } from "./DeviceNotes";
import { DevicesToolbar } from "./DevicesToolbar";
import { sortDevices } from "./device-order";
import { filterChoices, filterDevices } from "./device-search";
import { actionNeeds } from "./device-view";
import { useCaller } from "./use-caller";
import { StalePairings } from "./StalePairings";
import { useDeviceDialogs } from "./use-device-dialogs";

const AGE_TICK_MS = 15_000;

export function DevicesPage() {
  return (
    <DevicesStoreProvider>
      <DevicesScreen />
    </DevicesStoreProvider>
  );
}

function DevicesScreen() {
  const route = useRouteMatch();
  const query = usePairList();
  const caller = useCaller();
  const connection = useGatewayConnection();
  const now = useNow(AGE_TICK_MS);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const dialogs = useDeviceDialogs(query.data);
  const [elevation, setElevation] = useState<{ title: string; scopes: string[] }>();
  const { open } = dialogs;
  const onAction = useCallback<OpenAction>(
    (type, device, role) => {
      const token = device.tokens?.find((t) => t.role === role);
      const scopes = actionNeeds(type, caller, device, token);
      const name = deviceName(device);
      // The same offer as Approve: reconnect with exactly what the gateway would ask for.
      if (scopes.length > 0) {
        return setElevation({ title: `Reconnect to ${type} “${shownText(name)}”?`, scopes });
      }
      const self = device.deviceId === caller.deviceId;
      const { deviceId } = device;
      open({ type, deviceId, deviceName: name, currentLabel: adminLabel(device), role, self });
    },
    [open, caller],
  );

  return (
    <section className="devices" aria-labelledby="devices-heading">
      <h2 id="devices-heading" ref={headingRef} tabIndex={-1}>
        Devices
      </h2>
      <DeviceNotes />
      {query.isPending ? <p>Loading paired devices…</p> : null}
      {query.isError ? <p role="alert">The paired devices could not be loaded.</p> : null}
      {!query.data ? null : route?.name === "device" ? (
        <DeviceDetails deviceId={route.deviceId} list={query.data} {...{ caller, now, onAction }} />
      ) : (
        <Overview list={query.data} {...{ caller, now, onAction }} />
      )}
      {elevation ? (
        <ElevationDialog
          {...elevation}
          onConfirm={() => {
            connection.requestScopes(elevation.scopes);
            setElevation(undefined);
          }}
          onCancel={() => setElevation(undefined)}
        />
      ) : null}
      {dialogs.dialog ? (
        <DeviceActionDialog
          dialog={dialogs.dialog}
          onConfirm={dialogs.confirm}
          onCancel={dialogs.cancel}
          focusAfter={(connected) =>
            dialogs.leavesPage(connected) ? headingRef.current : undefined
          }
        />
      ) : null}
    </section>
  );
}

function Overview({ list, caller, now, onAction }: DevicesViewProps) {
  const { search, roleFilter, clientFilter, connectedFilter, approvedFilter, sort } =
    useDevicesStore((state) => state);
  // Sorted once per list and sort; a search or filter only filters the sorted list.
  const groups = useMemo(() => duplicatePairings(list.paired), [list.paired]);
  // Older pairings are listed under their device (StalePairings), not in the main list.
  const sorted = useMemo(() => {
    const folded = new Set(groups.flatMap((group) => group.older));
    const unfolded = list.paired.filter((device) => !folded.has(device));
    return sortDevices(unfolded, sort);
  }, [list.paired, groups, sort]);
  const shown = useMemo(
    () =>
      filterDevices(sorted, { search, roleFilter, clientFilter, connectedFilter, approvedFilter }),
    [sorted, search, roleFilter, clientFilter, connectedFilter, approvedFilter],
  );
  const { roles, clients } = useMemo(() => filterChoices(list.paired), [list.paired]);
  const total = list.paired.length;
  return (
    <>
      <DevicesToolbar roles={roles} clients={clients} />
      <p className="devices-count" aria-live="polite">
        {total === 0
          ? "No devices are paired yet."
          : shown.length === sorted.length
            ? `${total} paired ${total === 1 ? "device" : "devices"}`
            : `Showing ${shown.length} of ${total} paired devices`}
        {sorted.length < total ? `; ${total - sorted.length} are older pairings, listed below` : ""}
      </p>
      {shown.length > 0 ? (
        <DeviceList devices={shown} caller={caller} now={now} onAction={onAction} />
      ) : null}
      <StalePairings groups={groups} caller={caller} now={now} onAction={onAction} />
    </>
  );
}
