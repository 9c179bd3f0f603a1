import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { test as base, expect, inject } from "vitest";
import type { Browser } from "playwright-core";
import {
  launchChromium,
  openTab,
  requestsLeaving127,
  type AppTab,
  type ContextOptions,
} from "./chromium";
import { startMockGatewayProcess } from "./mock-gateway-process";
import { FAILURE_DIR, slug } from "./paths";

// Vitest reads each fixture's first parameter to learn its dependencies, so a fixture that
// needs none must still destructure an empty object.
/* eslint-disable no-empty-pattern */

// One Chromium per file, a fresh context (new device identity, empty storage) and a fresh
// mock gateway process (own token, empty state) per test.

export const test = base
  .extend("appUrl", { scope: "file" }, () => inject("e2eAppUrl"))
  .extend("browser", { scope: "file" }, async ({}, { onCleanup }) => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend("gateway", async ({}, { onCleanup }) => {
    const gateway = await startMockGatewayProcess();
    onCleanup(() => gateway.dispose());
    return gateway;
  })
  .extend("tab", async ({ browser, task }, { onCleanup }) => {
    const tab = await openTab(browser);
    onCleanup(async () => {
      if (task.result?.state === "fail") {
        await saveFailureScreenshot(tab, task.name);
        if (tab.consoleErrors.length > 0)
          console.log(`e2e: browser console errors:\n  ${tab.consoleErrors.join("\n  ")}`);
      }
      await tab.context.close();
    });
    return tab;
  });

/** A tab of its own (another colour scheme or size), with the fixture's failure screenshot. */
export async function withTab(
  browser: Browser,
  options: ContextOptions,
  name: string,
  body: (tab: AppTab) => Promise<void>,
): Promise<void> {
  const tab = await openTab(browser, options);
  try {
    await body(tab);
  } catch (error) {
    await saveFailureScreenshot(tab, name);
    throw error;
  } finally {
    await tab.context.close();
  }
}

async function saveFailureScreenshot(tab: AppTab, testName: string): Promise<void> {
  await mkdir(FAILURE_DIR, { recursive: true });
  const path = join(FAILURE_DIR, `${slug(testName)}.png`);
  try {
    await tab.page.screenshot({ path, fullPage: true });
    console.log(`e2e: failure screenshot saved to ${path}`);
  } catch (error) {
    console.warn(`e2e: no failure screenshot (${String(error)})`);
  }
}

/** Every tab must stay quiet and local: each test ends with this. */
export function expectQuietLocalTab(tab: AppTab): void {
  expect(tab.consoleErrors, "console errors in the browser").toEqual([]);
  expect(requestsLeaving127(tab.requests), "requests that left 127.0.0.1").toEqual([]);
}
