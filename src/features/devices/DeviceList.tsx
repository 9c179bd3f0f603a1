import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useRef } from "react";
import type { Caller } from "../../policy";
import type { PairedDevice } from "../../protocol";
import { ErrorBoundary } from "../../ui/ErrorBoundary";
import { expectedRect, layoutFreeRows } from "../../ui/virtual-rows";
import { DeviceCard, type OpenAction } from "./DeviceCard";

// Up to VIRTUALIZE_ABOVE devices render as a plain list, every row in the page (and reachable by
// role in jsdom, which has no layout).

export const VIRTUALIZE_ABOVE = 200;
// A card with one token is about 370 px tall at desktop widths.
const ESTIMATED_ROW_PX = 380;
const ROWS = layoutFreeRows(ESTIMATED_ROW_PX);
// The scroller's CSS max-height (devices.css): the first render fills that much, no more.
const SCROLLER_VIEWPORT_SHARE = 0.75;

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
  // A new function re-measures all rows (10,000 at most): keep it while the list is the same.
  const getItemKey = useCallback((index: number) => devices[index]?.deviceId ?? index, [devices]);
  const virtualizer = useVirtualizer({
    count: devices.length,
    getScrollElement: () => scrollRef.current,
    ...ROWS,
    overscan: 2,
    getItemKey,
    // Until the scroller is measured (after the first commit), assume it is as tall as its
    // CSS allows: the first render then holds only the rows a person sees.
    initialRect: expectedRect(SCROLLER_VIEWPORT_SHARE),
  });
  return (
    <div ref={scrollRef} className="devices-scroller">
      <ul
        className="devices-list devices-list-virtual"
        aria-label={props.label ?? "Paired devices"}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const device = devices[item.index];
          if (!device) return null;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={devices.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row(props, device)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
