// Coalesces bursts: run once on the next animation frame. A hidden tab gets no frames at
// all, so a timer races the frame; whichever comes first runs and cancels the other.
const HIDDEN_TAB_FALLBACK_MS = 100;

export function scheduleFlush(run: () => void): () => void {
  let frame: number | undefined;
  const cancel = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
  const fire = () => {
    cancel();
    run();
  };
  const timer = setTimeout(fire, HIDDEN_TAB_FALLBACK_MS);
  if (typeof requestAnimationFrame === "function") frame = requestAnimationFrame(fire);
  return cancel;
}
