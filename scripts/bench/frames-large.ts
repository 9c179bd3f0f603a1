import { setTimeout as sleep } from "node:timers/promises";
import { launchChromium } from "../../test/e2e/support/chromium";
import { startBenchGateway } from "./bench-gateway";
import { buildAndServe } from "./build-and-serve";
import { seededState } from "./fixtures";
import { LARGE } from "./large-list-benches";
import { readProbe } from "./page-probe";
import { connectTab, openBenchTab, waitForPendingCount } from "./session";

// Where the wall time between the 10,000-item list answer and the first request row goes:
// the page's long animation frames (over 50 ms) and the scripts each ran, for a few connects.
// Diagnosis only (`npx tsx scripts/bench/frames-large.ts [runs]`); run.ts judges.

type Script = { invoker: string; startTime: number; duration: number };
type Frame = { startTime: number; duration: number; renderStart: number; scripts: Script[] };

const OBSERVE_FRAMES = `window.__frames = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    window.__frames.push({ ...entry.toJSON(), scripts: entry.scripts.map((s) => s.toJSON()) });
}).observe({ type: "long-animation-frame", buffered: true });`;

async function main() {
  const runs = Number(process.argv[2] ?? 3);
  const served = await buildAndServe();
  const browser = await launchChromium();
  try {
    for (let run = 0; run < runs; run += 1) {
      const gateway = await startBenchGateway(seededState(LARGE, LARGE, Date.now()));
      const tab = await openBenchTab(browser);
      try {
        await tab.send("Page.addScriptToEvaluateOnNewDocument", { source: OBSERVE_FRAMES });
        await connectTab(tab, served.url, gateway);
        await waitForPendingCount(tab, LARGE);
        await sleep(500);
        const probe = await readProbe(tab);
        const answerAt = probe.bigFrames[0]?.at ?? 0;
        const firstRowAt = Math.min(...Object.values(probe.requestRowAt));
        const frames = await tab.evaluate(
          () => (window as unknown as { __frames: Frame[] }).__frames,
        );
        const at = (time: number) => `+${(time - answerAt).toFixed(1)}`;
        console.log(`run ${run + 1}: first row ${at(firstRowAt)} ms after the answer`);
        for (const frame of frames) {
          if (frame.startTime + frame.duration < answerAt || frame.startTime > firstRowAt) continue;
          const render = frame.renderStart - frame.startTime;
          console.log(
            `  frame ${at(frame.startTime)}: ${frame.duration.toFixed(1)} ms, rendering from ${render.toFixed(1)}`,
          );
          for (const script of frame.scripts)
            console.log(
              `    ${at(script.startTime)} ${script.invoker}: ${script.duration.toFixed(1)} ms`,
            );
        }
      } finally {
        await tab.close();
        await gateway.close();
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
}

void main();
