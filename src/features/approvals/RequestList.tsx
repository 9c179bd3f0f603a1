import {
  measureElement as measureRendered,
  observeElementRect as observeRendered,
  useVirtualizer,
} from "@tanstack/react-virtual";
import { useEffect, useRef, type ComponentProps, type RefObject } from "react";
import { RequestCard } from "./RequestCard";
import type { RequestView } from "./request-view";

// Up to VIRTUALIZE_ABOVE requests render as a plain list (every row reachable by role, even
// in jsdom where nothing has a size); a list that long only happens in a storm of requests,
// and then only the rows near the viewport are rendered.

export const VIRTUALIZE_ABOVE = 100;
const ESTIMATED_ROW_PX = 280;
// Where nothing has a size (jsdom, a hidden tab's first paint) pretend to a window, so a first
// page of rows renders instead of none (a zero viewport) or all (zero-height rows).
const FALLBACK_RECT = { width: 1024, height: 1600 };

type CardCallbacks = Pick<
  ComponentProps<typeof RequestCard>,
  "onToggle" | "onApprove" | "onReject" | "onOpenDetails" | "onActivate"
>;

type Props = CardCallbacks & {
  views: readonly RequestView[];
  selected: ReadonlySet<string>;
  activeId: string | undefined;
  now: number;
  hrefFor: (requestId: string) => string;
  /** Bumped by keyboard moves: scroll the active row into view and focus it. */
  focusNonce: number;
};

export function RequestList(props: Props) {
  return props.views.length > VIRTUALIZE_ABOVE ? (
    <VirtualList {...props} />
  ) : (
    <PlainList {...props} />
  );
}

function useFocusActive(
  containerRef: RefObject<HTMLElement | null>,
  props: Props,
  reveal?: (index: number) => void,
) {
  const { activeId, focusNonce, views } = props;
  useEffect(() => {
    const container = containerRef.current;
    if (!focusNonce || !activeId || !container) return;
    const index = views.findIndex((view) => view.request.requestId === activeId);
    if (index < 0) return;
    reveal?.(index);
    const focus = () =>
      container.querySelector<HTMLElement>(`[data-request-id="${CSS.escape(activeId)}"]`)?.focus();
    focus();
    // A virtual row may mount only after the scroll; try once more on the next frame.
    const frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
    // Only a keyboard move (the nonce) moves focus, not every list update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusNonce]);
}

function card(props: Props, view: RequestView) {
  const id = view.request.requestId;
  return (
    <RequestCard
      view={view}
      now={props.now}
      selected={props.selected.has(id)}
      active={props.activeId === id}
      detailsHref={props.hrefFor(id)}
      onToggle={props.onToggle}
      onApprove={props.onApprove}
      onReject={props.onReject}
      onOpenDetails={props.onOpenDetails}
      onActivate={props.onActivate}
    />
  );
}

function PlainList(props: Props) {
  const ref = useRef<HTMLUListElement>(null);
  useFocusActive(ref, props);
  return (
    <ul ref={ref} className="request-list" aria-label="Pending requests">
      {props.views.map((view) => (
        <li key={view.request.requestId}>{card(props, view)}</li>
      ))}
    </ul>
  );
}

function VirtualList(props: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { views } = props;
  const virtualizer = useVirtualizer({
    count: views.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 4,
    getItemKey: (index) => views[index]?.request.requestId ?? index,
    initialRect: FALLBACK_RECT,
    observeElementRect: (instance, onRect) =>
      observeRendered(instance, (rect) => onRect(rect.height > 0 ? rect : FALLBACK_RECT)),
    measureElement: (element, entry, instance) =>
      measureRendered(element, entry, instance) || ESTIMATED_ROW_PX,
  });
  useFocusActive(scrollRef, props, (index) => virtualizer.scrollToIndex(index));
  return (
    <div ref={scrollRef} className="request-scroller">
      <ul
        className="request-list virtual"
        aria-label="Pending requests"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const view = views[item.index];
          if (!view) return null;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={views.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {card(props, view)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
