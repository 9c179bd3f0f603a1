import { useEffect, useRef } from "react";

// "(3) Pairdesk": the waiting count in the tab title, so a background tab still tells.

export const APP_TITLE = "Pairdesk";
// A title change costs the browser a round of work outside the page (the tab strip, history,
// accessibility: about a millisecond here); in a storm of requests the count changes every
// frame, so a changing count is written at most this often, always ending on the latest.
// Something starting or ceasing to wait is written at once, but in a task of its own: the
// effect runs straight after React puts the new row on the page, and the row comes first.
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
