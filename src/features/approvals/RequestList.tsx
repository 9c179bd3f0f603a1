import { useEffect, useRef, type ComponentProps, type RefObject } from "react";
import type { WireText } from "../../protocol";
import { ErrorBoundary } from "../../ui/ErrorBoundary";
import { useListVirtualizer, virtualRows } from "../../ui/virtual-rows";
import { RequestCard } from "./RequestCard";
import type { RequestView } from "./request-view";

// Up to VIRTUALIZE_ABOVE requests render as a plain list (every row reachable by role, even in
// jsdom where nothing has a size); a longer list renders only the rows near the viewport.

export const VIRTUALIZE_ABOVE = 30;
const ESTIMATED_ROW_PX = 280;
const keyOf = (view: RequestView) => view.request.requestId;

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

// One tree for both: a list crossing the threshold keeps the rows it already shows (same
// keys under the same parent) instead of building them again in a new list.
export function RequestList(props: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { views } = props;
  const virtual = views.length > VIRTUALIZE_ABOVE;
  const virtualizer = useListVirtualizer(scrollRef, views, keyOf, {
    estimatePx: ESTIMATED_ROW_PX,
    overscan: 4,
    enabled: virtual,
  });
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
          ? virtualRows(virtualizer, views, (view) => card(props, view))
          : views.map((view) => <li key={view.request.requestId}>{card(props, view)}</li>)}
      </ul>
    </div>
  );
}
