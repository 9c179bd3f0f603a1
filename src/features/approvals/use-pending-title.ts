import { useEffect, useRef } from "react";

export const APP_TITLE = "Pairdesk";
// Throttled (BENCHMARKS.md); a first or last request is written at once, after the row paints.
const TITLE_EVERY_MS = 250;

export function usePendingTitle(count: number): void {
  const written = useRef({ at: Number.NEGATIVE_INFINITY, count: 0 });
  useEffect(() => {
    const write = () => {
      written.current = { at: performance.now(), count };
      document.title = count > 0 ? `(${count}) ${APP_TITLE}` : APP_TITLE;
    };
    const wait = written.current.at + TITLE_EVERY_MS - performance.now();
    const now = count === 0 || written.current.count === 0;
    const timer = setTimeout(write, now ? 0 : Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [count]);
  useEffect(
    () => () => {
      document.title = APP_TITLE;
    },
    [],
  );
}
