import { useEffect } from "react";

// "(3) Pairdesk": the waiting count in the tab title, so a background tab still tells.

export const APP_TITLE = "Pairdesk";

export function usePendingTitle(count: number): void {
  useEffect(() => {
    document.title = count > 0 ? `(${count}) ${APP_TITLE}` : APP_TITLE;
  }, [count]);
  useEffect(
    () => () => {
      document.title = APP_TITLE;
    },
    [],
  );
}
