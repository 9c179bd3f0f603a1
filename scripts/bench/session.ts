import type { Browser, CDPSession, Page } from "playwright-core";
import { approvalsHeading, connectionStatus } from "../../test/e2e/support/app-page";
import { openTab, type AppTab } from "../../test/e2e/support/chromium";
import type { BenchGateway } from "./bench-gateway";
import { addProbe } from "./page-probe";

// A fresh tab (new device identity, empty storage) with the probe installed, connected to a
// bench gateway through the connect form, exactly as a person does it.

export type BenchTab = AppTab & { cdp: CDPSession };

export async function openBenchTab(browser: Browser): Promise<BenchTab> {
  const tab = await openTab(browser);
  await addProbe(tab.page);
  const cdp = await tab.context.newCDPSession(tab.page);
  return { ...tab, cdp };
}

export async function connectTab(page: Page, appUrl: string, gateway: BenchGateway) {
  await page.goto(appUrl);
  await page.getByRole("textbox", { name: "Gateway URL" }).fill(gateway.url);
  await page.getByLabel("Token", { exact: true }).fill(gateway.token);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  await connectionStatus(page)
    .filter({ hasText: /^Connected to / })
    .waitFor({ timeout: 60_000 });
  await approvalsHeading(page).waitFor();
}

/** Text of the approvals heading, e.g. "Pending requests (1000)". */
export function headingText(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById("approvals-heading")?.textContent ?? "");
}

/** Waits until the heading shows exactly `count` (or no count for 0). */
export async function waitForPendingCount(page: Page, count: number, timeout = 60_000) {
  await page.waitForFunction(
    (expected) => {
      const text = document.getElementById("approvals-heading")?.textContent ?? "";
      return expected === 0 ? text === "Pending requests" : text.endsWith(`(${expected})`);
    },
    count,
    { timeout, polling: 50 },
  );
}

/** JS heap in use after two full garbage collections. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.enable");
  for (let round = 0; round < 2; round += 1) await cdp.send("HeapProfiler.collectGarbage");
  const usage = await cdp.send("Runtime.getHeapUsage");
  return usage.usedSize;
}

/** How many rows of each list are in the DOM right now. */
export function rowsInDom(page: Page) {
  return page.evaluate(() => ({
    requests: document.querySelectorAll("[data-request-id]").length,
    devices: document.querySelectorAll("[data-device-id]").length,
  }));
}
