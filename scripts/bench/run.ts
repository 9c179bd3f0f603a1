import { cpus, loadavg, totalmem } from "node:os";
import { launchChromium } from "../../test/e2e/support/chromium";
import { burstFigures, largeFigures, latencyFigures, memoryFigures } from "./browser-figures";
import { buildAndServe } from "./build-and-serve";
import { bundleFigures } from "./bundle-figures";
import { coreFigures } from "./core-figures";
import { BURST_SIZE } from "./live-benches";
import { failures, printSection, REPEATS, type Figure } from "./report";

// `npm run bench`: every performance budget, each figure next to its budget with PASS or
// FAIL; exits 1 when one is missed. BENCH_REPEATS (default 3) sets how many times each
// browser figure is measured; the median is judged. `--only=bundle,burst,latency,large,
// memory,core` runs a subset.

const only = process.argv
  .find((arg) => arg.startsWith("--only="))
  ?.slice(7)
  .split(",");
const wanted = (name: string) => !only || only.includes(name);
const all: Figure[] = [];

function section(title: string, figures: Figure[]) {
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
  const browserWanted = ["bundle", "burst", "latency", "large", "memory"].some(wanted);
  const served = browserWanted ? await buildAndServe() : undefined;
  const browser = browserWanted ? await launchChromium() : undefined;
  try {
    if (browser && served) {
      console.log(
        `chromium ${browser.version()} (headless, /usr/bin/chromium); production build served by vite preview at ${served.url}`,
      );
      if (wanted("bundle"))
        section(
          "Bundle: what loads before the approvals list",
          await bundleFigures(browser, served),
        );
      if (wanted("burst"))
        section(
          `Burst: ${BURST_SIZE} device.pair.requested in 1 s`,
          await burstFigures(browser, served.url),
        );
      if (wanted("latency"))
        section("Event to visible row", await latencyFigures(browser, served.url));
      if (wanted("large"))
        section(
          "10,000 pending requests and 10,000 paired devices",
          await largeFigures(browser, served.url),
        );
      if (wanted("memory")) section("Memory", await memoryFigures(browser, served.url));
    }
    if (wanted("core")) section("Mock core in Node", await coreFigures());
  } finally {
    await browser?.close();
    await served?.close();
  }
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
