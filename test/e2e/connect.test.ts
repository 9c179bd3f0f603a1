import { describe, expect } from "vitest";
import { OPERATOR_SCOPES } from "../../src/protocol";
import {
  approvalsHeading,
  connectThroughForm,
  connectionStatus,
  dialog,
  emptyState,
  requestCard,
  waitForCardCount,
  waitForConnected,
} from "./support/app-page";
import { seriousAxeViolations } from "./support/axe";
import { requestsLeaving127 } from "./support/chromium";
import { askForPairing, phone } from "./support/devices";
import { expectQuietLocalTab, test } from "./support/fixtures";

describe("connecting in a real browser", () => {
  test("connects through the form with the token and asks only for read and pairing", async ({
    appUrl,
    gateway,
    tab,
  }) => {
    const { page } = tab;
    await page.goto(appUrl);
    await page.getByRole("heading", { name: "Connect to a gateway" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await connectThroughForm(page, appUrl, gateway);

    const status = await connectionStatus(page).innerText();
    expect(status).toContain(OPERATOR_SCOPES.read);
    expect(status).toContain(OPERATOR_SCOPES.pairing);
    expect(status).not.toContain(OPERATOR_SCOPES.admin);
    await emptyState(page).waitFor();
    // The token stays in this tab's sessionStorage only, never in localStorage or the URL.
    const stored = await page.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      href: location.href,
    }));
    expect(stored.session).toContain(gateway.token);
    expect(stored.local).not.toContain(gateway.token);
    expect(stored.href).not.toContain(gateway.token);
    expectQuietLocalTab(tab);
  });

  test("a reload keeps the pending requests and connects again by itself", async ({
    appUrl,
    gateway,
    tab,
  }) => {
    const { page } = tab;
    await connectThroughForm(page, appUrl, gateway);
    const device = await phone("Reload phone");
    await askForPairing(gateway, device, [OPERATOR_SCOPES.read]);
    await requestCard(page, device.name).waitFor();
    const sockets: string[] = [];
    page.on("websocket", (socket) => sockets.push(socket.url()));

    await page.reload();

    await waitForConnected(page, gateway);
    await approvalsHeading(page).waitFor();
    await requestCard(page, device.name).waitFor();
    await waitForCardCount(page, 1);
    // The socket index.html opens before the modules load is the one the session runs on.
    expect(sockets).toEqual([`${gateway.url}/`]);
    expectQuietLocalTab(tab);
  });

  test("a whole session logs no console error and talks only to 127.0.0.1", async ({
    appUrl,
    gateway,
    tab,
  }) => {
    const { page } = tab;
    await connectThroughForm(page, appUrl, gateway);
    const device = await phone("Session phone");
    await askForPairing(gateway, device, [OPERATOR_SCOPES.read]);
    const card = requestCard(page, device.name);
    await card.getByRole("link", { name: "Details" }).click();
    await dialog(page).getByRole("button", { name: "Close" }).click();
    await card.getByRole("button", { name: "Approve", exact: true }).click();
    await card.waitFor({ state: "detached" });
    await page.getByRole("link", { name: "Devices" }).click();
    await page.getByRole("heading", { name: "Devices" }).waitFor();
    await page.reload();
    await waitForConnected(page, gateway);

    expect(tab.consoleErrors).toEqual([]);
    // The recorder saw the page, its assets and the gateway socket, all on 127.0.0.1.
    expect(tab.requests).toContain(`${appUrl}/`);
    expect(tab.requests).toContain(`${gateway.url}/`);
    expect(tab.requests.some((url) => url.includes("/assets/"))).toBe(true);
    expect(requestsLeaving127(tab.requests)).toEqual([]);
  });
});
