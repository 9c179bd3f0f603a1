import { useEffect, useLayoutEffect, useRef, type ComponentProps, type RefObject } from "react";
import type { WireText } from "../../protocol";
import { ErrorBoundary } from "../../ui/ErrorBoundary";
import { RequestCard } from "./RequestCard";
import type { RequestView } from "./request-view";

// What the plain and the virtual request list share: their props, a card, and keyboard focus.

type CardCallbacks = Pick<
  ComponentProps<typeof RequestCard>,
  "onToggle" | "onApprove" | "onReject" | "onOpenDetails" | "onActivate"
>;

export type RequestListProps = CardCallbacks & {
  views: readonly RequestView[];
  selected: ReadonlySet<string>;
  activeId: WireText | undefined;
  now: number;
  hrefFor: (requestId: string) => string;
  focusNonce: number;
};

export const LIST_LABEL = "Pending requests";
export const keyOf = (view: RequestView) => view.request.requestId;

/**
 * Crossing VIRTUALIZE_ABOVE swaps the plain list for the virtual one (or back) and the rows go
 * with it. The list that leaves notes here whether focus was in it; the one that comes in
 * gives it back. Owned by RequestList, which stays.
 */
export type FocusHandover = { current: "focused" | "unfocused" | undefined };

/** Focuses the active request after a keyboard move, `reveal`ing it first in a virtual list. */
export function useFocusActive(
  containerRef: RefObject<HTMLElement | null>,
  props: RequestListProps & { handover: FocusHandover },
  reveal?: (index: number) => void,
) {
  const { activeId, focusNonce, views, handover } = props;
  const swappedIn = useRef(false);
  const focusActive = () => {
    const container = containerRef.current;
    if (!activeId || !container) return;
    const index = views.findIndex((view) => view.request.requestId === activeId);
    if (index < 0) return;
    reveal?.(index);
    const focus = () =>
      container.querySelector<HTMLElement>(`[data-request-id="${CSS.escape(activeId)}"]`)?.focus();
    focus();
    // A virtual row may mount only after the scroll; try once more on the next frame.
    const frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  };
  useLayoutEffect(() => {
    const container = containerRef.current;
    const received = handover.current;
    swappedIn.current = received !== undefined;
    const stop = received === "focused" ? focusActive() : undefined;
    handover.current = undefined;
    return () => {
      stop?.();
      // Focus not placed here (its row was not among these) is still owed to the next list.
      const owed = received === "focused" && document.activeElement === document.body;
      const inside = container?.contains(document.activeElement) ?? false;
      handover.current = inside || owed ? "focused" : "unfocused";
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (swappedIn.current) {
      swappedIn.current = false;
      return;
    }
    // Only a keyboard move (the nonce) moves focus, not every list update.
    if (focusNonce) return focusActive();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusNonce]);
}

export function requestCard(props: RequestListProps, view: RequestView) {
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
