import type { QueryClient } from "@tanstack/react-query";
import { pairListQueryKey } from "../api/pair-list-query";
import { whenIdle } from "./idle";

// "The first screen is shown": every connected screen shows the pair list (the header's
// pending count reads it everywhere), so its first answer, or its failure, is that moment.
// Work that can wait (the history log's code) starts when the browser is idle after it.

function answered(queryClient: QueryClient): boolean {
  const status = queryClient.getQueryState(pairListQueryKey)?.status;
  return status === "success" || status === "error";
}

/** Runs `task` once, when the browser is idle after the pair list's first answer; returns a cancel. */
export function afterFirstScreen(queryClient: QueryClient, task: () => void): () => void {
  let cancelIdle: (() => void) | undefined;
  const cache = queryClient.getQueryCache();
  const check = () => {
    if (cancelIdle || !answered(queryClient)) return;
    // The cache hears the answer before React renders it; the idle callback comes after both.
    cancelIdle = whenIdle(task);
    unsubscribe();
  };
  const unsubscribe = cache.subscribe(check);
  check();
  return () => {
    unsubscribe();
    cancelIdle?.();
  };
}
