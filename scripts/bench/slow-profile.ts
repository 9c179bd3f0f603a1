import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { openBareTab, type BareTab } from "./bare-tab";

// One page load on the slow profile of issue #17, in a tab the driver does not instrument
// (bare-tab.ts): Slow 4G (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up), the CPU 4× slower,
// nothing cached. Chromium applies the network conditions to every request and WebSocket of
// the page. The probe (slow-probe.browser.js) stamps the socket's steps and the first frame in
// which the connect form or a pending request's Approve button was on screen.

export const SLOW_4G = {
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
} as const;
export const CPU_SLOWDOWN = 4;

const PROBE = fileURLToPath(new URL("./slow-probe.browser.js", import.meta.url));
const LOAD_TIMEOUT_MS = 60_000;

type Frame = { at: number; dir: "in" | "out"; what: string; bytes?: number };
export type ProbedSocket = { createdAt: number; openedAt?: number; frames: Frame[] };
export type Fetched = { url: string; start: number; end: number; bytes: number };

/** One load: times are milliseconds since the navigation started (the page's clock). */
export type SlowLoad = {
  /** First frame with the thing waited for on screen. */
  shownAt: number;
  documentAt: number;
  fetched: Fetched[];
  sockets: ProbedSocket[];
};

export type Shown = "form" | "approve";

async function throttle(tab: BareTab): Promise<void> {
  await tab.send("Network.enable");
  await tab.send("Network.setCacheDisabled", { cacheDisabled: true });
  await tab.send("Network.emulateNetworkConditions", { offline: false, ...SLOW_4G });
  await tab.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
}

/** Opens `url` throttled in `tab` and waits until `shown` is on screen. */
async function loadUntil(tab: BareTab, url: string, shown: Shown): Promise<SlowLoad> {
  await throttle(tab);
  await tab.send("Page.navigate", { url });
  await tab.waitFor((what) => (window as unknown as Probed).__slow?.[what] !== undefined, shown, {
    timeout: LOAD_TIMEOUT_MS,
  });
  return tab.evaluate((what) => {
    const probe = (window as unknown as Probed).__slow;
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceResourceTiming;
    const fetched = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((entry) => /\.(js|css)(\?|$)/.test(entry.name))
      .map((entry) => ({
        url: entry.name,
        start: entry.startTime,
        end: entry.responseEnd,
        bytes: entry.transferSize,
      }));
    return {
      shownAt: probe[what] ?? Number.NaN,
      documentAt: navigation.responseEnd,
      fetched,
      sockets: probe.sockets,
    };
  }, shown);
}

type Probed = { __slow: { form?: number; approve?: number; sockets: ProbedSocket[] } };

/** A first visit: a new browser profile (nothing stored, nothing cached) opens `url`. */
export async function firstVisit(browser: Browser, url: string): Promise<SlowLoad> {
  const tab = await openBareTab(browser, await readFile(PROBE, "utf8"));
  try {
    return await loadUntil(tab, url, "form");
  } finally {
    await tab.close();
  }
}

/**
 * A returning admin: `signIn` connects once in a tab at full speed (so the browser holds what
 * the app remembers), then a new tab in the same profile opens `url` throttled, cold cache.
 */
export async function returningVisit(
  browser: Browser,
  url: string,
  signIn: (tab: BareTab) => Promise<void>,
): Promise<SlowLoad> {
  const first = await openBareTab(browser);
  try {
    await signIn(first);
    // Its socket closed and its scripts stopped, so only the measured tab runs.
    await first.goto("about:blank");
    const tab = await openBareTab(browser, await readFile(PROBE, "utf8"), first.contextId);
    try {
      return await loadUntil(tab, url, "approve");
    } finally {
      await tab.close();
    }
  } finally {
    await first.close();
  }
}

/** Ticks the checkbox labelled `label` with a real click. */
export async function tick(tab: BareTab, label: string): Promise<void> {
  const center = await tab.evaluate((wanted: string) => {
    const box = [...document.querySelectorAll("label")].find(
      (each) => each.textContent?.trim() === wanted,
    )?.control;
    if (!(box instanceof HTMLInputElement)) return undefined;
    const rect = box.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  }, label);
  if (!center) throw new Error(`no checkbox labelled "${label}"`);
  await tab.mouseClick(center.x, center.y);
}
