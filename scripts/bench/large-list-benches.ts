import { setTimeout as sleep } from "node:timers/promises";
import type { Browser } from "playwright-core";
import { startBenchGateway } from "./bench-gateway";
import { seededState } from "./fixtures";
import { readProbe, resetProbe } from "./page-probe";
import { connectTab, openBenchTab, rowsInDom, waitForPendingCount, type BenchTab } from "./session";

// 10,000 pending requests and 10,000 paired devices, seeded into the core's store (the same
// records a `pending.json` / `paired.json` would hold). For each screen: the list answer's
// arrival at the socket → the first row in the DOM; rows in the DOM while scrolling; and
// search: the input event → the first DOM change it caused.

export const LARGE = 10_000;

export type ScreenFigures = {
  firstRenderMs: number;
  rowsAtTop: number;
  scroll: ScrollFigures;
  searchMs: number[];
  /** Size of the device.pair.list answer on the wire. */
  listBytes: number;
};

export type ScrollFigures = { maxRows: number; maxFrameGapMs: number; longTasks: number };

/** 120 frames of scrolling by 250 px, counting the rows in the DOM on every frame. */
async function scrollThrough(page: BenchTab, scrollerSelector: string): Promise<ScrollFigures> {
  await resetProbe(page);
  const figures = await page.evaluate(async (selector) => {
    const scroller = document.querySelector(selector);
    if (!scroller) throw new Error(`no ${selector}`);
    // No named helpers in here: the page gets this function's source as it was compiled.
    let maxRows = 0;
    let maxFrameGapMs = 0;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    let last = performance.now();
    for (let step = 0; step < 120; step += 1) {
      scroller.scrollTop += 250;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      maxFrameGapMs = Math.max(maxFrameGapMs, now - last);
      last = now;
      maxRows = Math.max(maxRows, scroller.querySelectorAll("article").length);
    }
    scroller.scrollTop = 0;
    return { maxRows, maxFrameGapMs };
  }, scrollerSelector);
  const probe = await readProbe(page);
  return { ...figures, longTasks: probe.longTasks.length };
}

/** One `fill` per query (one input event); time to the first DOM change after it. */
async function searchTimes(page: BenchTab, queries: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (const query of queries) {
    await resetProbe(page);
    await page.fill("Search", query);
    await sleep(400);
    const probe = await readProbe(page);
    const input = probe.inputs.at(-1);
    const changed = input && probe.mutationTimes.find((at) => at >= input.at);
    if (!input || changed === undefined) throw new Error(`search "${query}" changed nothing`);
    times.push(changed - input.at);
  }
  return times;
}

export async function largeListRun(browser: Browser, appUrl: string) {
  const gateway = await startBenchGateway(seededState(LARGE, LARGE, Date.now()));
  const page = await openBenchTab(browser);
  try {
    await connectTab(page, appUrl, gateway);
    await waitForPendingCount(page, LARGE);
    await sleep(500);
    let probe = await readProbe(page);
    const listAt = probe.bigFrames[0]?.at;
    const firstRowAt = Math.min(...Object.values(probe.requestRowAt));
    if (listAt === undefined) throw new Error("the list answer was not seen");
    const approvals: ScreenFigures = {
      firstRenderMs: firstRowAt - listAt,
      listBytes: probe.bigFrames[0]?.bytes ?? 0,
      rowsAtTop: (await rowsInDom(page)).requests,
      scroll: await scrollThrough(page, ".request-scroller"),
      searchMs: await searchTimes(page, ["seed phone 7777", "", "192.168.30.", ""]),
    };

    // The devices screen from a deep link: the tab reconnects by itself (saved session).
    await page.goto(`${appUrl}/devices`);
    await page.waitFor(() => document.querySelector("[data-device-id]") !== null, undefined);
    await sleep(500);
    probe = await readProbe(page);
    const devicesListAt = probe.bigFrames[0]?.at;
    if (devicesListAt === undefined || probe.firstDeviceRowAt === undefined)
      throw new Error("the devices list answer or its first row was not seen");
    const devices: ScreenFigures = {
      firstRenderMs: probe.firstDeviceRowAt - devicesListAt,
      listBytes: probe.bigFrames[0]?.bytes ?? 0,
      rowsAtTop: (await rowsInDom(page)).devices,
      scroll: await scrollThrough(page, ".devices-scroller"),
      searchMs: await searchTimes(page, ["paired laptop 4242", "", "10.0.7.", ""]),
    };
    return { approvals, devices, consoleErrors: [...page.consoleErrors] };
  } finally {
    await page.close();
    await gateway.close();
  }
}
