import { setTimeout as sleep } from "node:timers/promises";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../test/e2e/support/chromium";
import { EVENTS } from "../../src/protocol";
import { startBenchGateway } from "./bench-gateway";
import { buildAndServe, type ServedBuild } from "./build-and-serve";
import { pendingRequest, seededState } from "./fixtures";
import { LARGE } from "./large-list-benches";
import { connectTab, openBenchTab, waitForPendingCount, type BenchTab } from "./session";

// Where the main thread's time goes during a burst: an unminified production build, the
// DevTools CPU profiler around 1,000 injected requests, self time per function and file.
// `--large` profiles the 10,000-item screens instead, `--single` twenty requests one at a time. Diagnosis only
// (`npx tsx scripts/bench/profile.ts [--large | --single]`); run.ts judges the real build.

type ProfileNode = {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

async function selfTimes(cdp: BenchTab, body: () => Promise<void>) {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await body();
  const { profile } = await cdp.send<{ profile: Profile }>("Profiler.stop");
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (node: ProfileNode) => {
    const file = node.callFrame.url.split("/").pop() ?? "";
    return `${node.callFrame.functionName || "(anonymous)"} ${file}:${node.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const spent = (profile.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + spent);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(byId.get(at) as ProfileNode);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + spent);
    }
  });
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return { self: sorted(self), inclusive: sorted(inclusive) };
}

function print(title: string, times: Awaited<ReturnType<typeof selfTimes>>) {
  for (const [kind, list] of [
    ["self", times.self],
    ["inclusive (with callees)", times.inclusive],
  ] as const) {
    console.log(`${kind} time ${title} (ms, top 70):`);
    for (const [name, msSpent] of list.slice(0, 70))
      console.log(`  ${msSpent.toFixed(1).padStart(8)}  ${name}`);
  }
}

/** From the Connect click until 10,000 requests are listed, then the devices screen. */
async function profileLarge(served: ServedBuild, browser: Browser) {
  const gateway = await startBenchGateway(seededState(LARGE, LARGE, Date.now()));
  try {
    const tab = await openBenchTab(browser);
    await tab.goto(served.url);
    await tab.fill("Gateway URL", gateway.url);
    await tab.fill("Token", gateway.token);
    print(
      "connecting with 10,000 pending and 10,000 paired",
      await selfTimes(tab, async () => {
        await tab.clickButton("Connect");
        await waitForPendingCount(tab, LARGE);
      }),
    );
    print(
      "opening Devices with 10,000 paired",
      await selfTimes(tab, async () => {
        await tab.evaluate(() =>
          document.querySelector<HTMLElement>('a[href="/devices"]')?.click(),
        );
        await tab.waitFor(() => document.querySelector("[data-device-id]") !== null, undefined);
      }),
    );
  } finally {
    await gateway.close();
  }
}

async function main() {
  const served = await buildAndServe({ minify: false });
  const browser = await launchChromium();
  if (process.argv.includes("--large")) {
    await profileLarge(served, browser);
    await browser.close();
    await served.close();
    return;
  }
  const gateway = await startBenchGateway();
  try {
    const tab = await openBenchTab(browser);
    await connectTab(tab, served.url, gateway);
    await sleep(1000);
    const now = Date.now();
    if (process.argv.includes("--single")) {
      const times = await selfTimes(tab, async () => {
        for (let index = 0; index < 20; index += 1) {
          gateway.inject([
            { event: EVENTS.pairRequested, payload: pendingRequest("single", index, now) },
          ]);
          await sleep(250);
        }
      });
      print("for 20 requests, one at a time, 250 ms apart", times);
      return;
    }
    const frames = Array.from({ length: 1000 }, (_, index) => ({
      event: EVENTS.pairRequested,
      payload: pendingRequest("profile", index, now),
    }));
    const times = await selfTimes(tab, async () => {
      for (let first = 0; first < frames.length; first += 10) {
        gateway.inject(frames.slice(first, first + 10));
        await sleep(10);
      }
      await sleep(2000);
    });
    print("during a 1,000-request burst", times);
  } finally {
    await browser.close();
    await gateway.close();
    await served.close();
  }
}

void main();
