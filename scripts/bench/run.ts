import { cpus, loadavg, totalmem } from "node:os";
import { launchChromium } from "../../test/e2e/support/chromium";
import { burstFigures, largeFigures, latencyFigures, memoryFigures } from "./browser-figures";
import { buildAndServe } from "./build-and-serve";
import { bundleFigures } from "./bundle-figures";
import { coreFigures } from "./core-figures";
import { BURST_SIZE } from "./live-benches";
import { failures, loadNow, printSection, printSummary, REPEATS, type Figure } from "./report";
import { withRealGateways } from "./real-gateway";
import { slowFigures } from "./slow-figures";

// `npm run bench`: every performance budget, each figure next to its budget with PASS or
// FAIL and the load average it was measured under; exits 1 when one is missed. BENCH_REPEATS
// (default 3) sets how many times each browser figure is measured; the median is judged.
// `--only=bundle,slow,burst,latency,large,memory,core` runs a subset. It builds the app,
// serves it, and starts (installing on first use) and stops the real gateway itself.

const only = process.argv
  .find((arg) => arg.startsWith("--only="))
  ?.slice(7)
  .split(",");
const wanted = (name: string) => !only || only.includes(name);
const all: Figure[] = [];

async function section(title: string, measure: () => Promise<Figure[]>) {
  const before = loadNow();
  const figures = await measure();
  const load = `${before.toFixed(1)}–${loadNow().toFixed(1)}`;
  for (const figure of figures) figure.load = load;
  printSection(title, figures);
  all.push(...figures);
}

async function main() {
  console.log("# Pairdesk performance budgets");
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(`node ${process.version}; repeats per browser figure: ${REPEATS} (median judged)`);
  const browserWanted = ["bundle", "slow", "burst", "latency", "large", "memory"].some(wanted);
  const served = browserWanted ? await buildAndServe() : undefined;
  const browser = browserWanted ? await launchChromium() : undefined;
  try {
    if (browser && served) {
      console.log(
        `chromium ${browser.version()} (headless, /usr/bin/chromium); production build served by vite preview at ${served.url}`,
      );
      if (wanted("bundle"))
        await section("Bundle: what loads before the approvals list", () =>
          bundleFigures(browser, served),
        );
      if (wanted("slow"))
        await section("Slow profile, beside the OpenClaw Control UI", () =>
          withRealGateways(served.outDir, (gateways) => slowFigures(browser, served.url, gateways)),
        );
      if (wanted("burst"))
        await section(`Burst: ${BURST_SIZE} device.pair.requested in 1 s`, () =>
          burstFigures(browser, served.url),
        );
      if (wanted("latency"))
        await section("Event to visible row", () => latencyFigures(browser, served.url));
      if (wanted("large"))
        await section("10,000 pending requests and 10,000 paired devices", () =>
          largeFigures(browser, served.url),
        );
      if (wanted("memory")) await section("Memory", () => memoryFigures(browser, served.url));
    }
    if (wanted("core")) await section("Mock core in Node", coreFigures);
  } finally {
    await browser?.close();
    await served?.close();
  }
  printSummary(all);
  const missed = failures(all);
  console.log(
    `\n${all.filter((f) => f.budget).length - missed.length} passed, ${missed.length} failed`,
  );
  process.exit(missed.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
