import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect } from "vitest";
import { OPERATOR_SCOPES as S } from "../../src/protocol";
import { connectThroughForm, pendingList, requestCard } from "./support/app-page";
import { openTab } from "./support/chromium";
import { askForPairing, phone } from "./support/devices";
import { expectQuietLocalTab, test } from "./support/fixtures";

// The shipped bundle in a real Chromium: its Content-Security-Policy holds in normal use
// (no violations), stops an injected inline script and eval, refuses to be framed, and the
// page talks to nothing but 127.0.0.1.

type Violation = { directive: string; blocked: string };
declare global {
  interface Window {
    __cspViolations?: Violation[];
    __injectedRan?: boolean;
    __evalRan?: boolean;
    __xss?: boolean;
  }
}

function recordViolations(): void {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations?.push({ directive: event.violatedDirective, blocked: event.blockedURI });
  });
}

/** A page on another local origin (same host, another port) that frames `target`. */
async function framingSite(target: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><title>framer</title><iframe src="${target}"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, server };
}

describe("browser security of the production build", () => {
  test("normal use raises no CSP violation; injected inline script and eval do not run", async ({
    appUrl,
    gateway,
    tab,
  }) => {
    const { page } = tab;
    await page.addInitScript(recordViolations);
    await connectThroughForm(page, appUrl, gateway);

    // A hostile name and an ordinary one, then a decision and the lazily loaded screens.
    const hostile = await phone('<img src=x onerror="window.__xss=true">\u202Eevil');
    await askForPairing(gateway, hostile, [S.read]);
    const ordinary = await phone("Ordinary phone");
    await askForPairing(gateway, ordinary, [S.read]);
    const card = requestCard(page, ordinary.name);
    await card.getByRole("button", { name: "Approve" }).click();
    await card.waitFor({ state: "detached" });
    const hostileCard = pendingList(page).getByRole("article");
    await hostileCard.getByText("⟨U+202E⟩").waitFor();
    expect(await page.locator("main img").count()).toBe(0);
    for (const screen of ["Devices", "History", "Requests"]) {
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: new RegExp(`^${screen}`) })
        .click();
      await page.waitForLoadState("networkidle");
    }

    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expectQuietLocalTab(tab);

    // An attacker who got markup into the page still cannot run script.
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injectedRan = true";
      document.head.append(script);
      return window.__injectedRan === true;
    });
    expect(ran).toBe(false);
    // Code from a string (eval, new Function, setTimeout with a string) is refused too. It is
    // queued from the page itself: DevTools' own evaluate is exempt from the page's policy.
    await page.evaluate(() => {
      window.setTimeout("window.__evalRan = true", 0);
    });
    await page.waitForFunction(() =>
      window.__cspViolations?.some((violation) => violation.blocked === "eval"),
    );
    expect(await page.evaluate(() => window.__evalRan)).toBeUndefined();
    const violations = (await page.evaluate(() => window.__cspViolations)) ?? [];
    expect(violations.map((violation) => violation.directive)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^script-src/)]),
    );
    expect(violations.every((violation) => violation.directive.startsWith("script-src"))).toBe(
      true,
    );
  });

  test("refuses to be framed by another origin", async ({ appUrl, browser }) => {
    const framer = await framingSite(appUrl);
    const tab = await openTab(browser);
    try {
      const refused = new Promise<string>((resolve) => {
        tab.page.on("console", (message) => {
          if (/frame-ancestors/.test(message.text())) resolve(message.text());
        });
      });
      await tab.page.goto(framer.url);
      expect(await refused).toMatch(/violates .*frame-ancestors 'none'/);
      const child = tab.page.frames().find((frame) => frame !== tab.page.mainFrame());
      expect(child).toBeDefined();
      expect(await child?.locator("h1", { hasText: "Pairdesk" }).count()).toBe(0);
    } finally {
      await tab.context.close();
      await new Promise((resolve) => framer.server.close(resolve));
    }
  });
});
