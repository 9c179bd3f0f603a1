// Work that must not compete with the first screen: lazy chunks fetched ahead of need, the
// history log's code. An idle callback runs only once the browser has no task waiting (React's
// render of the data that triggered it included) and the frame is painted.

/** At worst this long after the call, even on a main thread that is never idle. */
export const IDLE_TIMEOUT_MS = 2000;

type IdleWindow = {
  requestIdleCallback?: (task: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/** Runs `task` once the browser is idle; returns a cancel. */
export function whenIdle(task: () => void, timeoutMs = IDLE_TIMEOUT_MS): () => void {
  const idle = globalThis as IdleWindow;
  if (idle.requestIdleCallback && idle.cancelIdleCallback) {
    const handle = idle.requestIdleCallback(task, { timeout: timeoutMs });
    const cancel = idle.cancelIdleCallback;
    return () => cancel(handle);
  }
  // Safari and jsdom have no idle callbacks: the next task is the closest thing.
  const timer = setTimeout(task, 1);
  return () => clearTimeout(timer);
}
