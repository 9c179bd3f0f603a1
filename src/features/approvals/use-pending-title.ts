import { useEffect, useRef } from "react";

// "(3) Pairdesk": the waiting count in the tab title, so a background tab still tells.

export const APP_TITLE = "Pairdesk";
// A changing count is written at most this often (BENCHMARKS.md); a first or last request at
// once, in a task of its own so that the new row is painted first.
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
