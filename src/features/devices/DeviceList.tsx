import { useRef } from "react";
import type { Caller } from "../../policy";
import type { PairedDevice } from "../../protocol";
import { ErrorBoundary } from "../../ui/ErrorBoundary";
import { useListVirtualizer, virtualRows } from "../../ui/virtual-rows";
import { DeviceCard, type OpenAction } from "./DeviceCard";

// Up to VIRTUALIZE_ABOVE devices render as a plain list, every row in the page (and reachable by
// role in jsdom, which has no layout).

export const VIRTUALIZE_ABOVE = 200;
// A card with one token is about 370 px tall at desktop widths.
const ESTIMATED_ROW_PX = 380;
const keyOf = (device: PairedDevice) => device.deviceId;

type Props = {
  devices: readonly PairedDevice[];
  caller: Caller;
  now: number;
  onAction: OpenAction;
  label?: string;
};

export function DeviceList(props: Props) {
  return props.devices.length > VIRTUALIZE_ABOVE ? (
    <VirtualList {...props} />
  ) : (
    <PlainList {...props} />
  );
}

function row(props: Props, device: PairedDevice) {
  return (
    <ErrorBoundary what="device" id={device.deviceId}>
      <DeviceCard
        device={device}
        caller={props.caller}
        now={props.now}
        onAction={props.onAction}
        withDetailsLink
      />
    </ErrorBoundary>
  );
}

function PlainList(props: Props) {
  return (
    <ul className="devices-list" aria-label={props.label ?? "Paired devices"}>
      {props.devices.map((device) => (
        <li key={device.deviceId}>{row(props, device)}</li>
      ))}
    </ul>
  );
}

function VirtualList(props: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { devices } = props;
  const virtualizer = useListVirtualizer(scrollRef, devices, keyOf, {
    estimatePx: ESTIMATED_ROW_PX,
    overscan: 2,
  });
  return (
    <div ref={scrollRef} className="devices-scroller">
      <ul
        className="devices-list devices-list-virtual"
        aria-label={props.label ?? "Paired devices"}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualRows(virtualizer, devices, (device) => row(props, device))}
      </ul>
    </div>
  );
}
