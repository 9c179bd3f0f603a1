import { useRef } from "react";
import { useListVirtualizer, virtualRows } from "../../ui/virtual-rows";
import {
  keyOf,
  LIST_LABEL,
  requestCard,
  useFocusActive,
  type FocusHandover,
  type RequestListProps,
} from "./request-rows";

const ESTIMATED_ROW_PX = 280;

/** Only the requests near the viewport are in the page; loaded when a list first needs it. */
export function VirtualRequestList(props: RequestListProps & { handover: FocusHandover }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { views } = props;
  const virtualizer = useListVirtualizer(scrollRef, views, keyOf, {
    estimatePx: ESTIMATED_ROW_PX,
    overscan: 4,
  });
  useFocusActive(scrollRef, props, (index) => virtualizer.scrollToIndex(index));
  return (
    <div ref={scrollRef} className="request-scroller">
      <ul
        className="request-list virtual"
        aria-label={LIST_LABEL}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualRows(virtualizer, views, (view) => requestCard(props, view))}
      </ul>
    </div>
  );
}
