import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import type { BareTab } from "./bare-tab";

// page-probe.browser.js instruments the page before any app code runs (an init script goes through the DevTools
// protocol, so the app's strict CSP does not apply to it). It records:
// - when each socket frame reached the page (a listener added in the WebSocket constructor
//   runs before the app's own); small event frames are matched by requestId with a regex,
//   big frames (list answers) only by size, so the probe never parses megabytes itself;
// - when each request row / device row first appeared in the DOM (MutationObserver);
// - long tasks (PerformanceObserver "longtask": main-thread tasks over 50 ms);
// - input delay of clicks and the time of every DOM change, for click and search timings.

export type ProbeData = {
  /** Whether the per-event records below are kept (true unless a run turns them off). */
  perEvent: boolean;
  eventFrameAt: Record<string, number>;
  /** The first animation frame callback after that receipt. */
  eventFrameRafAt: Record<string, number>;
  bigFrames: { at: number; bytes: number }[];
  requestRowAt: Record<string, number>;
  firstDeviceRowAt: number | undefined;
  longTasks: { start: number; duration: number }[];
  clicks: { at: number; delay: number }[];
  inputs: { at: number; value: string }[];
  mutationTimes: number[];
};

export const PROBE_SCRIPT = fileURLToPath(new URL("./page-probe.browser.js", import.meta.url));

/** For a Playwright page (the bundle run, which needs Playwright's view of the network). */
export async function addProbe(page: Page): Promise<void> {
  await page.addInitScript({ path: PROBE_SCRIPT });
}

export function readProbe(page: BareTab): Promise<ProbeData> {
  return page.evaluate(() => (window as unknown as { __bench: ProbeData }).__bench);
}

/** Forgets what was recorded so far (keeps the instrumentation). */
export function resetProbe(page: BareTab): Promise<void> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __bench: ProbeData }).__bench;
    probe.longTasks = [];
    probe.clicks = [];
    probe.inputs = [];
    probe.mutationTimes = [];
    probe.bigFrames = [];
  });
}

/**
 * Stops (or restarts) the records kept per event and per DOM change and the long-task
 * observer, and forgets what they recorded.
 */
export function setPerEventProbe(page: BareTab, on: boolean): Promise<void> {
  return page.evaluate((keep) => {
    const probed = window as unknown as {
      __bench: ProbeData;
      __benchLongTasks(on: boolean): void;
    };
    const probe = probed.__bench;
    probe.perEvent = keep;
    probed.__benchLongTasks(keep);
    probe.eventFrameAt = {};
    probe.eventFrameRafAt = {};
    probe.requestRowAt = {};
    probe.mutationTimes = [];
  }, on);
}
