import type { Page } from "playwright-core";
import { describe, expect, onTestFinished } from "vitest";
import { HOSTILE_NAMES as N, startHostileGateway } from "../support/hostile-gateway";
import { connectThroughForm } from "./support/app-page";
import { expectQuietLocalTab, test, withTab } from "./support/fixtures";

// The hostile gateway of test/support/hostile-gateway.ts in Chromium, at a phone's width and a
// desktop's: no screen blanks, the header and navigation keep working, and no value, however
// long, makes the page wider than the window.

const WIDTHS = [360, 1280];

/**
 * Where the page, or an open dialog, is wider than the window or the dialog, or a hidden
 * character is left in the text instead of its marker ("" when all is well).
 */
async function problems(page: Page, where: string): Promise<string> {
  const wide = await page.evaluate(() => {
    const root = document.documentElement;
    const found = root.scrollWidth > window.innerWidth ? [`page ${root.scrollWidth} px`] : [];
    for (const dialog of document.querySelectorAll("dialog[open]")) {
      if (dialog.scrollWidth > dialog.clientWidth) found.push(`dialog ${dialog.scrollWidth} px`);
    }
    if (/[\u202E\u200B]/.test(document.body.innerText)) found.push("hidden characters");
    return found.join(", ");
  });
  return wide && `${where}: ${wide}`;
}

const navLink = (page: Page, name: RegExp) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });

describe("a hostile gateway in Chromium", () => {
  test("never blanks a screen nor widens the page, at 360 and 1280 px", async ({
    appUrl,
    browser,
    gateway,
  }) => {
    const hostile = await startHostileGateway(gateway.url);
    onTestFinished(() => hostile.close());
    for (const width of WIDTHS) {
      await withTab(
        browser,
        { viewport: { width, height: 800 } },
        `hostile ${width}`,
        async (tab) => {
          const { page } = tab;
          const problemsFound: string[] = [];
          const check = async (where: string) =>
            problemsFound.push(await problems(page, `${width} px ${where}`));
          await connectThroughForm(page, appUrl, { url: hostile.url, token: gateway.token });
          const card = (name: string) => page.getByRole("article", { name, exact: true });
          await card(N.hiddenScopes)
            .getByText(/⟨U\+200B⟩/)
            .first()
            .waitFor();
          await card(N.longOrigin).waitFor();
          expect(await card(N.farRequest).count()).toBe(0);
          await check("requests");

          await card(N.longOrigin).getByRole("link", { name: "Details" }).click();
          await page.getByRole("dialog").waitFor();
          await check("request details");
          await page.keyboard.press("Escape");
          await page.getByRole("dialog").waitFor({ state: "detached" });

          await navLink(page, /^Devices/).click();
          await card(N.farSeen).waitFor();
          await check("devices");
          await card(N.longDevice)
            .getByRole("link", { name: /^Details/ })
            .click();
          await page.getByRole("link", { name: "All devices" }).waitFor();
          await check("device page");

          await navLink(page, /^History/).click();
          await page.getByRole("heading", { name: "History", level: 2 }).waitFor();
          await check("history");
          await navLink(page, /^Requests/).click();
          await card(N.hiddenScopes).waitFor();

          expect(await page.getByText(/Pairdesk could not show/).count()).toBe(0);
          expect(problemsFound.filter(Boolean)).toEqual([]);
          expectQuietLocalTab(tab);
        },
      );
    }
  }, 120_000);
});
