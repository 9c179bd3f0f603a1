import {
  elementScroll,
  measureElement as measureRendered,
  observeElementRect as observeRendered,
  useVirtualizer,
  type Virtualizer,
} from "@tanstack/react-virtual";
import { useCallback, useMemo, type ReactNode, type RefObject } from "react";

// What both long lists give TanStack Virtual so that no layout is read while React commits.

type Rect = { width: number; height: number };
type ListVirtualizer = Virtualizer<HTMLDivElement, Element>;

/** Where nothing has a size (jsdom, a hidden tab's first paint): a first page of rows. */
export const FALLBACK_RECT: Rect = { width: 1024, height: 1600 };

/** The scroller's expected size before it is measured: `share` of the window's height. */
function expectedRect(share: number): Rect {
  const { innerWidth: width, innerHeight } = window;
  return innerHeight > 0 ? { width, height: innerHeight * share } : FALLBACK_RECT;
}

function layoutFreeRows(estimatePx: number) {
  return {
    estimateSize: () => estimatePx,
    observeElementRect: (instance: ListVirtualizer, onRect: (rect: Rect) => void) => {
      const report = (rect: Rect) => onRect(rect.height > 0 ? rect : FALLBACK_RECT);
      const scroller = instance.scrollElement;
      if (!scroller || typeof ResizeObserver === "undefined") {
        return observeRendered(instance, report);
      }
      const observer = new ResizeObserver(() =>
        report({ width: scroller.clientWidth, height: scroller.clientHeight }),
      );
      observer.observe(scroller);
      return () => observer.disconnect();
    },
    scrollToFn: (
      offset: number,
      options: { adjustments?: number; behavior?: ScrollBehavior },
      instance: ListVirtualizer,
    ) => {
      // Attaching, it writes the offset it tracks: for a list not scrolled yet that is 0,
      // where the list already is.
      if (offset + (options.adjustments ?? 0) === 0 && (instance.scrollOffset ?? 0) === 0) return;
      elementScroll(offset, options, instance);
    },
    measureElement: (
      element: Element,
      entry: ResizeObserverEntry | undefined,
      instance: ListVirtualizer,
    ) => {
      if (entry) return measureRendered(element, entry, instance) || estimatePx;
      const key = instance.options.getItemKey(instance.indexFromElement(element));
      return instance.itemSizeCache.get(key) ?? estimatePx;
    },
  };
}

// Both long lists' scrollers are at most 75vh tall (their CSS): before one is measured, assume
// that, so the first render builds only the rows a person sees.
const SCROLLER_SHARE_OF_VIEWPORT = 0.75;

/** Only the rows of `items` near the scroller's viewport (none while not `enabled`). */
export function useListVirtualizer<T>(
  scrollRef: RefObject<HTMLDivElement | null>,
  items: readonly T[],
  keyOf: (item: T) => string,
  {
    estimatePx,
    overscan,
    enabled = true,
  }: { estimatePx: number; overscan: number; enabled?: boolean },
): ListVirtualizer {
  // A new key function re-measures every row (10,000 at most): kept while the list is the same.
  const getItemKey = useCallback(
    (index: number) => {
      const item = items[index];
      return item === undefined ? index : keyOf(item);
    },
    [items, keyOf],
  );
  const rows = useMemo(() => layoutFreeRows(estimatePx), [estimatePx]);
  return useVirtualizer({
    enabled,
    count: enabled ? items.length : 0,
    getScrollElement: () => scrollRef.current,
    ...rows,
    overscan,
    getItemKey,
    initialRect: expectedRect(SCROLLER_SHARE_OF_VIEWPORT),
  });
}

/** The list items the virtualizer places, each drawn by `row` (an array, not a component, so a
 * list that starts or stops virtualizing keeps its rows). */
export function virtualRows<T>(
  virtualizer: ListVirtualizer,
  items: readonly T[],
  row: (item: T) => ReactNode,
) {
  return virtualizer.getVirtualItems().map((item) => {
    const value = items[item.index];
    if (value === undefined) return null;
    return (
      <li
        key={item.key}
        ref={virtualizer.measureElement}
        data-index={item.index}
        aria-setsize={items.length}
        aria-posinset={item.index + 1}
        style={{ transform: `translateY(${item.start}px)` }}
      >
        {row(value)}
      </li>
    );
  });
}
