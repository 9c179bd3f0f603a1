import type { Browser } from "playwright-core";
import { largeListRun, LARGE } from "./large-list-benches";
import { BURST_SIZE, burstRun, latencyRun, MEMORY_WARMUP_ROUNDS, memoryRun } from "./live-benches";
import { budget, info, kb, max, median, ms, repeat, runs, type Figure } from "./report";

// The browser budgets as figures: each run's numbers, the median judged against the budget.

export async function burstFigures(browser: Browser, appUrl: string): Promise<Figure[]> {
  const results = await repeat((run) => burstRun(browser, appUrl, run));
  const exact = results.every(
    (r) => r.heading.endsWith(`(${BURST_SIZE})`) && r.title.startsWith(`(${BURST_SIZE})`),
  );
  const longest = results.map((r) => r.longestTaskMs);
  const clicks = results.map((r) => max(r.clickDelays));
  const errors = results.flatMap((r) => r.consoleErrors);
  return [
    info(
      `${BURST_SIZE} events sent over`,
      runs(
        results.map((r) => r.sentInMs),
        ms,
      ),
    ),
    info(
      "last event sent → exact count shown",
      runs(
        results.map((r) => r.shownAfterMs),
        ms,
      ),
    ),
    budget(
      "heading and title show the exact count",
      results.map((r) => `"${r.heading}" / "${r.title}"`).join("; "),
      `(${BURST_SIZE})`,
      exact,
    ),
    budget(
      "longest main-thread task during burst",
      runs(longest, ms),
      "≤ 50 ms",
      median(longest) <= 50,
      `long tasks per run: ${results.map((r) => r.longTasks).join(", ")}`,
    ),
    budget(
      "worst click input delay during burst",
      runs(clicks, ms),
      "≤ 100 ms",
      median(clicks) <= 100,
      `clicks per run: ${results.map((r) => r.clickDelays.length).join(", ")}; median delay ${ms(median(results.flatMap((r) => r.clickDelays)))}`,
    ),
    info("request rows in the DOM after the burst", results.map((r) => r.rowsInDom).join(", ")),
    budget(
      "browser console errors",
      String(errors.length),
      "0",
      errors.length === 0,
      errors.slice(0, 3).join(" | "),
    ),
  ];
}

export async function latencyFigures(browser: Browser, appUrl: string): Promise<Figure[]> {
  const results = await repeat((run) => latencyRun(browser, appUrl, run, 10));
  const samples = results.flatMap((r) => r.latencies);
  const toFrame = results.flatMap((r) => r.toFrame);
  return [
    budget(
      "event at the socket → row in the DOM, idle (median)",
      ms(median(samples)),
      "< 16 ms",
      median(samples) < 16,
      `per-run medians ${results.map((r) => ms(median(r.latencies))).join(", ")}; max ${ms(max(samples))}; ${samples.length} requests from simulated phones through the core`,
    ),
    info(
      "  of which: socket → next animation frame (the app flushes events there)",
      `median ${ms(median(toFrame))}, max ${ms(max(toFrame))}`,
    ),
  ];
}

export async function largeFigures(browser: Browser, appUrl: string): Promise<Figure[]> {
  const results = await repeat(() => largeListRun(browser, appUrl));
  const figures: Figure[] = [];
  for (const screen of ["approvals", "devices"] as const) {
    const first = results.map((r) => r[screen].firstRenderMs);
    const rows = results.map((r) => Math.max(r[screen].rowsAtTop, r[screen].scroll.maxRows));
    const search = results.map((r) => max(r[screen].searchMs));
    figures.push(
      budget(
        `${screen}: list answer → first row (${LARGE.toLocaleString("en")} items)`,
        runs(first, ms),
        "< 200 ms",
        median(first) < 200,
        `the answer is ${kb(results[0]?.[screen].listBytes ?? 0)} of JSON; parsing it is included`,
      ),
      budget(
        `${screen}: most rows in the DOM while scrolling 120 frames`,
        runs(rows, String),
        "≤ 40",
        median(rows) <= 40,
        `longest frame while scrolling ${runs(
          results.map((r) => r[screen].scroll.maxFrameGapMs),
          ms,
        )}; long tasks ${results.map((r) => r[screen].scroll.longTasks).join(", ")}`,
      ),
      budget(
        `${screen}: search input → list updated (worst of 4)`,
        runs(search, ms),
        "≤ 50 ms",
        median(search) <= 50,
        `each query: ${results.map((r) => r[screen].searchMs.map(ms).join(" / ")).join("; ")}`,
      ),
    );
  }
  const errors = results.flatMap((r) => r.consoleErrors);
  figures.push(
    budget(
      "browser console errors",
      String(errors.length),
      "0",
      errors.length === 0,
      errors.slice(0, 3).join(" | "),
    ),
  );
  return figures;
}

export async function memoryFigures(browser: Browser, appUrl: string): Promise<Figure[]> {
  const run = await memoryRun(browser, appUrl);
  const growth = (run.after - run.before) / run.before;
  const afterWarm = (run.after - run.warm) / run.warm;
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;
  return [
    info(
      `  heap right after connecting → after a warm-up of ${(MEMORY_WARMUP_ROUNDS * 2000).toLocaleString("en")} events`,
      `${mb(run.cold)} → ${mb(run.before)} (one-time: compiled code, lazy chunks, caches)`,
    ),
    budget(
      `JS heap after ${run.events.toLocaleString("en")} events vs before (after warm-up)`,
      `${mb(run.before)} → ${mb(run.after)} (${(growth * 100).toFixed(1)}%)`,
      "within 10%",
      Math.abs(growth) <= 0.1,
    ),
    info(
      "  heap after the first 10,000 counted events → after all",
      `${mb(run.warm)} → ${mb(run.after)} (${(afterWarm * 100).toFixed(1)}%)`,
    ),
    info(
      "  heap 10 s after the last event (queued work drained)",
      `${mb(run.settled)} (${(((run.settled - run.before) / run.before) * 100).toFixed(1)}% over before)`,
    ),
  ];
}
