import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { test as base, inject } from "vitest";
import { launchChromium, openTab, type AppTab } from "../../e2e/support/chromium";
import { slug } from "../../e2e/support/paths";
import type { ProvidedRealGateway } from "./global-setup";
import { ScenarioRun } from "./scenario-kit";

// Vitest reads each fixture's first parameter to learn its dependencies, so a fixture that
// needs none must still destructure an empty object.
/* eslint-disable no-empty-pattern */

// The production build (served by the e2e global setup) in Debian's Chromium against the one
// real gateway of this run. One browser per file, a fresh context (new device identity, empty
// storage) per test, each with its own scripted devices; a failing test leaves a screenshot, the browser's console errors and the
// gateway log's tail, since a real gateway's refusal is otherwise invisible from here.

/** Failure screenshots of this project (gitignored with the rest of test-results/). */
export const COMPAT_FAILURE_DIR = fileURLToPath(
  new URL("../../../test-results/compat/", import.meta.url),
);

const LOG_TAIL_LINES = 40;

export const test = base
  .extend("appUrl", { scope: "file" }, () => inject("e2eAppUrl"))
  .extend("gateway", { scope: "file" }, () => inject("realGateway"))
  .extend("browser", { scope: "file" }, async ({}, { onCleanup }) => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend("tab", async ({ browser, gateway, task }, { onCleanup }) => {
    const tab = await openTab(browser);
    onCleanup(async () => {
      if (task.result?.state === "fail") await reportFailure(tab, gateway, task.name);
      await tab.context.close();
    });
    return tab;
  })
  // The scripted devices' side: an admin socket kept open until the test ends, whatever happens.
  .extend("scripted", async ({ gateway }, { onCleanup }) => {
    const run = await ScenarioRun.start(gateway);
    onCleanup(async () => {
      await run.finish();
    });
    return run;
  });

async function reportFailure(
  tab: AppTab,
  gateway: ProvidedRealGateway,
  testName: string,
): Promise<void> {
  await mkdir(COMPAT_FAILURE_DIR, { recursive: true });
  const path = join(COMPAT_FAILURE_DIR, `${slug(testName)}.png`);
  try {
    await tab.page.screenshot({ path, fullPage: true });
    console.log(`compat: failure screenshot saved to ${path}`);
  } catch (error) {
    console.warn(`compat: no failure screenshot (${String(error)})`);
  }
  if (tab.consoleErrors.length > 0)
    console.log(`compat: browser console errors:\n  ${tab.consoleErrors.join("\n  ")}`);
  console.log(`compat: real gateway log (tail):\n${await gatewayLogTail(gateway)}`);
}

/** The last lines of the gateway's stdout and stderr, with the shared token masked. */
export async function gatewayLogTail(gateway: ProvidedRealGateway): Promise<string> {
  // scripts/real-gateway.mjs keeps the log next to the state folder, in the throwaway dir.
  const file = join(dirname(gateway.stateDir), "gateway.log");
  if (!existsSync(file)) return "(no gateway log)";
  const text = (await readFile(file, "utf8")).replaceAll(gateway.token, "<token>");
  return text.trimEnd().split("\n").slice(-LOG_TAIL_LINES).join("\n");
}
