import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import type { BenchGateway } from "./bench-gateway";
import { openBareTab, type BareTab } from "./bare-tab";
import { PROBE_SCRIPT } from "./page-probe";

// A fresh tab (new browser context: new device identity, empty storage) with the probe
// installed, connected to a bench gateway through the connect form, as a person does it:
// real typing into the fields and a real click on Connect. Uninstrumented (see bare-tab.ts).

export type BenchTab = BareTab;

export async function openBenchTab(browser: Browser): Promise<BenchTab> {
  return openBareTab(browser, await readFile(PROBE_SCRIPT, "utf8"));
}

export async function connectTab(tab: BenchTab, appUrl: string, gateway: BenchGateway) {
  await tab.goto(appUrl);
  await tab.fill("Gateway URL", gateway.url);
  await tab.fill("Token", gateway.token);
  await tab.clickButton("Connect");
  await tab.waitFor((url) => {
    const status = document.querySelector('[role="status"][aria-label="Connection"]');
    const heading = document.getElementById("approvals-heading");
    return (status?.textContent ?? "").startsWith(`Connected to ${url}`) && heading !== null;
  }, gateway.url);
}

/** Text of the approvals heading, e.g. "Pending requests (1000)". */
export function headingText(tab: BenchTab): Promise<string> {
  return tab.evaluate(() => document.getElementById("approvals-heading")?.textContent ?? "");
}

/** Waits until the heading shows exactly `count` (or no count for 0). */
export async function waitForPendingCount(tab: BenchTab, count: number, timeout = 60_000) {
  await tab.waitFor(
    (expected) => {
      const text = document.getElementById("approvals-heading")?.textContent ?? "";
      return expected === 0 ? text === "Pending requests" : text.endsWith(`(${expected})`);
    },
    count,
    { timeout },
  );
}

/** JS heap in use after two full garbage collections. */
export async function heapAfterGc(tab: BenchTab): Promise<number> {
  await tab.send("HeapProfiler.enable");
  for (let round = 0; round < 2; round += 1) await tab.send("HeapProfiler.collectGarbage");
  const usage = await tab.send<{ usedSize: number }>("Runtime.getHeapUsage");
  return usage.usedSize;
}

/** How many rows of each list are in the DOM right now. */
export function rowsInDom(tab: BenchTab) {
  return tab.evaluate(() => ({
    requests: document.querySelectorAll("[data-request-id]").length,
    devices: document.querySelectorAll("[data-device-id]").length,
  }));
}
