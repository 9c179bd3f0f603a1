import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, type ComponentProps, type RefObject } from "react";
import type { WireText } from "../../protocol";
import { ErrorBoundary } from "../../ui/ErrorBoundary";
import { expectedRect, layoutFreeRows } from "../../ui/virtual-rows";
import { RequestCard } from "./RequestCard";
import type { RequestView } from "./request-view";

// Up to VIRTUALIZE_ABOVE requests render as a plain list (every row reachable by role, even in
// jsdom where nothing has a size); a longer list renders only the rows near the viewport.

export const VIRTUALIZE_ABOVE = 30;
const ESTIMATED_ROW_PX = 280;
const ROWS = layoutFreeRows(ESTIMATED_ROW_PX);
// The scroller is at most 75vh tall (approvals.css): before it is measured, assume that, so
// the first render builds the rows that will show rather than a fallback's worth of them.
const SCROLLER_SHARE_OF_VIEWPORT = 0.75;

type CardCallbacks = Pick<
  ComponentProps<typeof RequestCard>,
  "onToggle" | "onApprove" | "onReject" | "onOpenDetails" | "onActivate"
>;

type Props = CardCallbacks & {
  views: readonly RequestView[];
  selected: ReadonlySet<string>;
  activeId: WireText | undefined;
  now: number;
  hrefFor: (requestId: string) => string;
  focusNonce: number;
};

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
    <ErrorBoundary what="request" id={id}>
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
    </ErrorBoundary>
  );
}

/** Only the rows near the viewport, for a long list. */
function useRowVirtualizer(
  scrollRef: RefObject<HTMLDivElement | null>,
  views: readonly RequestView[],
  enabled: boolean,
) {
  // The virtualizer works out every row's key and offset again whenever this function is a
  // new one: kept while the list is the same, so the page's clock tick (a render a second)
  // does not walk 10,000 rows.
  const getItemKey = useCallback(
    (index: number) => views[index]?.request.requestId ?? index,
    [views],
  );
  return useVirtualizer({
    enabled,
    count: enabled ? views.length : 0,
    getScrollElement: () => scrollRef.current,
    ...ROWS,
    overscan: 4,
    getItemKey,
    initialRect: expectedRect(SCROLLER_SHARE_OF_VIEWPORT),
  });
}

// One tree for both: a list crossing the threshold keeps the rows it already shows (same
// keys under the same parent) instead of building them again in a new list.
export function RequestList(props: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { views } = props;
  const virtual = views.length > VIRTUALIZE_ABOVE;
  const virtualizer = useRowVirtualizer(scrollRef, views, virtual);
  useFocusActive(
    scrollRef,
    props,
    virtual ? (index) => virtualizer.scrollToIndex(index) : undefined,
  );
  return (
    <div ref={scrollRef} className={virtual ? "request-scroller" : undefined}>
      <ul
        className={virtual ? "request-list virtual" : "request-list"}
        aria-label="Pending requests"
        style={virtual ? { height: virtualizer.getTotalSize() } : undefined}
      >
        {virtual
          ? virtualizer.getVirtualItems().map((item) => {
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
            })
          : views.map((view) => <li key={view.request.requestId}>{card(props, view)}</li>)}
      </ul>
    </div>
  );
}
