import {
  elementScroll,
  measureElement as measureRendered,
  observeElementRect as observeRendered,
  type Virtualizer,
} from "@tanstack/react-virtual";

// What both long lists give TanStack Virtual so that no layout is read while React commits.

type Rect = { width: number; height: number };

/** Where nothing has a size (jsdom, a hidden tab's first paint): a first page of rows. */
export const FALLBACK_RECT: Rect = { width: 1024, height: 1600 };

/** The scroller's expected size before it is measured: `share` of the window's height. */
export function expectedRect(share: number): Rect {
  const { innerWidth: width, innerHeight } = window;
  return innerHeight > 0 ? { width, height: innerHeight * share } : FALLBACK_RECT;
}

export function layoutFreeRows(estimatePx: number) {
  return {
    estimateSize: () => estimatePx,
    observeElementRect: (
      instance: Virtualizer<HTMLDivElement, Element>,
      onRect: (rect: Rect) => void,
    ) => {
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
      instance: Virtualizer<HTMLDivElement, Element>,
    ) => {
      // Attaching, it writes the offset it tracks: for a list not scrolled yet that is 0,
      // where the list already is.
      if (offset + (options.adjustments ?? 0) === 0 && (instance.scrollOffset ?? 0) === 0) return;
      elementScroll(offset, options, instance);
    },
    measureElement: (
      element: Element,
      entry: ResizeObserverEntry | undefined,
      instance: Virtualizer<HTMLDivElement, Element>,
    ) => {
      if (entry) return measureRendered(element, entry, instance) || estimatePx;
      const key = instance.options.getItemKey(instance.indexFromElement(element));
      return instance.itemSizeCache.get(key) ?? estimatePx;
    },
  };
}
