import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { describe, expect } from "vitest";
import { OPERATOR_SCOPES as S, ROLES } from "../../src/protocol";
import {
  connectionStatus,
  connectThroughForm,
  dialog,
  reconnectWith,
  requestCard,
  waitForCardCount,
} from "./support/app-page";
import { seriousAxeViolations } from "./support/axe";
import { connectDevice } from "../../mocks/simulator/device-client";
import { openWsTransport } from "../../mocks/simulator/ws-transport";
import { askForPairing, connectExpectingHello, cronJob, phone } from "./support/devices";
import { expectQuietLocalTab, test, withTab } from "./support/fixtures";
import type { MockGatewayProcess } from "./support/mock-gateway-process";
import { DOCS_SCREENSHOT_DIR } from "./support/paths";

// Every screen in light and dark at 1280×800, and the list at phone width: each one checked
// with axe, and kept as documentation only when the whole run passed.

const NAMES = {
  newDevice: "Kitchen tablet",
  scopeUpgrade: "Ada's phone",
  roleUpgrade: "Build worker",
  admin: "Backup runner",
} as const;

async function stageRequests(gateway: MockGatewayProcess): Promise<void> {
  await askForPairing(gateway, await phone(NAMES.newDevice), [S.read]);

  const upgrading = await phone(NAMES.scopeUpgrade);
  await connectExpectingHello(gateway, upgrading, [S.read]);
  await askForPairing(gateway, upgrading, [S.read, S.write, S.approvals]);

  const worker = await cronJob(NAMES.roleUpgrade);
  await connectExpectingHello(gateway, worker, [S.read]);
  // A loopback page: the gateway refuses any non-loopback Origin it was not told to allow.
  await askForPairing(gateway, worker, [], { origin: "http://localhost:5998", role: ROLES.node });

  const backup = await cronJob(NAMES.admin);
  await connectExpectingHello(gateway, backup, [S.read]);
  await askForPairing(gateway, backup, [S.read, S.admin]);
}

/** Two node hosts asking for commands, and a cron job paired twice (an older, stale pairing). */
async function stageNodes(gateway: MockGatewayProcess): Promise<void> {
  for (const [name, commands] of [
    ["Lab printer", ["system.notify"]],
    ["Build runner", ["system.notify", "system.run"]],
  ] as const) {
    const host = await cronJob(name);
    const outcome = await connectDevice(await openWsTransport(gateway.url), {
      identity: host.identity,
      client: { ...host.client, mode: "node" },
      role: ROLES.node,
      scopes: [],
      auth: { token: gateway.token },
      caps: ["system"],
      commands: [...commands],
    });
    if (outcome.kind === "hello") outcome.session.close();
  }
  for (let i = 0; i < 2; i++)
    await connectExpectingHello(gateway, await cronJob("Nightly backup"), [S.read]);
}

async function captureNodes(
  browser: Browser,
  appUrl: string,
  gateway: MockGatewayProcess,
  shots: Shots,
) {
  await withTab(browser, {}, "screens-nodes", async (tab) => {
    const { page } = tab;
    await connectThroughForm(page, appUrl, gateway);
    await page.getByRole("link", { name: "Devices", exact: true }).click();
    await page.getByText("1 older pairing of Nightly backup").click();
    // Earlier tabs' browsers are older, offline pairings of this one's client too.
    await page.getByRole("button", { name: /^Clean up \d+ stale$/ }).click();
    const cleanUp = dialog(page, /^Remove \d+ stale pairings?\?$/);
    await cleanUp.waitFor();
    expect(await seriousAxeViolations(page), "stale clean-up").toEqual([]);
    shots.set("stale-cleanup-light.png", await page.screenshot());
    await cleanUp.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("link", { name: /^Nodes/ }).click();
    const printer = page.getByRole("article", { name: "Lab printer" });
    await printer.getByRole("button", { name: "Approve", exact: true }).click();
    await dialog(page, `Reconnect with ${S.write}?`)
      .getByRole("button", { name: `Reconnect with ${S.write}` })
      .click();
    await connectionStatus(page).filter({ hasText: S.write }).waitFor();
    await printer.getByRole("button", { name: "Approve", exact: true }).click();
    await page.getByRole("list", { name: "Approved nodes" }).getByText("Lab printer").waitFor();
    expect(await seriousAxeViolations(page), "nodes").toEqual([]);
    shots.set("nodes-light.png", await page.screenshot({ fullPage: true }));
    expectQuietLocalTab(tab);
  });
}

// Three tabs and thirteen axe runs: more than one flow's worth of time on a busy machine.
const SCREENS_TIMEOUT_MS = 150_000;
const PHONE_VIEWPORT = { width: 360, height: 800 };

type Shots = Map<string, Buffer>;

async function captureScheme(
  browser: Browser,
  appUrl: string,
  gateway: MockGatewayProcess,
  scheme: "light" | "dark",
  shots: Shots,
): Promise<void> {
  await withTab(browser, { colorScheme: scheme }, `screens-${scheme}`, async (tab) => {
    const { page } = tab;
    await page.goto(appUrl);
    await page.getByRole("heading", { name: "Connect to a gateway" }).waitFor();
    expect(await seriousAxeViolations(page), `connect form (${scheme})`).toEqual([]);
    shots.set(`connect-${scheme}.png`, await page.screenshot());

    await connectThroughForm(page, appUrl, gateway);
    await waitForCardCount(page, 4);
    expect(await seriousAxeViolations(page), `request list (${scheme})`).toEqual([]);
    shots.set(`requests-${scheme}.png`, await page.screenshot());

    await requestCard(page, NAMES.scopeUpgrade).getByRole("link", { name: "Details" }).click();
    const details = dialog(page, `Request from “${NAMES.scopeUpgrade}”`);
    await details.waitFor();
    expect(await seriousAxeViolations(page), `details (${scheme})`).toEqual([]);
    shots.set(`request-details-${scheme}.png`, await page.screenshot());
    await details.getByRole("button", { name: "Close" }).click();
    await details.waitFor({ state: "detached" });

    const adminCard = requestCard(page, NAMES.admin);
    await adminCard.getByRole("button", { name: "Approve", exact: true }).click();
    const elevation = dialog(page, `Reconnect to approve “${NAMES.admin}”?`);
    await elevation.waitFor();
    expect(await seriousAxeViolations(page), `scope elevation (${scheme})`).toEqual([]);
    shots.set(`scope-elevation-${scheme}.png`, await page.screenshot());
    await reconnectWith(page, gateway, S.admin);
    await adminCard.getByRole("button", { name: "Approve", exact: true }).click();
    const confirm = dialog(page, `Give “${NAMES.admin}” full control?`);
    await confirm.waitFor();
    expect(await seriousAxeViolations(page), `admin confirmation (${scheme})`).toEqual([]);
    shots.set(`admin-confirmation-${scheme}.png`, await page.screenshot());
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "detached" });

    // This browser now stays approved for admin: the header says so; Devices marks it.
    await page.getByText(/^This browser stays approved for /).waitFor();
    await page.getByRole("link", { name: "Devices", exact: true }).click();
    await page.getByText("This browser", { exact: true }).waitFor();
    expect(await seriousAxeViolations(page), `devices (${scheme})`).toEqual([]);
    shots.set(`devices-${scheme}.png`, await page.screenshot());
    expectQuietLocalTab(tab);
  });
}

async function capturePhoneWidth(
  browser: Browser,
  appUrl: string,
  gateway: MockGatewayProcess,
  shots: Shots,
): Promise<void> {
  await withTab(browser, { viewport: PHONE_VIEWPORT }, "screens-360", async (tab) => {
    const { page } = tab;
    await connectThroughForm(page, appUrl, gateway);
    await waitForCardCount(page, 4);
    expect(await seriousAxeViolations(page), "request list at 360 px").toEqual([]);
    // Nothing may force a sideways scroll on a phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    shots.set("requests-360.png", await page.screenshot({ fullPage: true }));

    // The details dialog opens at its title, even where its content is taller than the screen.
    await requestCard(page, NAMES.scopeUpgrade).getByRole("link", { name: "Details" }).click();
    const details = dialog(page, `Request from “${NAMES.scopeUpgrade}”`);
    await details.waitFor();
    expect(await details.evaluate((element) => element.scrollTop)).toBe(0);
    shots.set("request-details-360.png", await page.screenshot());
    expectQuietLocalTab(tab);
  });
}

describe("documentation screenshots", () => {
  test(
    "every screen passes axe in light and dark, and the list fits a 360 px phone",
    async ({ appUrl, browser, gateway }) => {
      await stageRequests(gateway);
      const shots: Shots = new Map();

      await captureScheme(browser, appUrl, gateway, "light", shots);
      await captureScheme(browser, appUrl, gateway, "dark", shots);
      await capturePhoneWidth(browser, appUrl, gateway, shots);
      await stageNodes(gateway);
      await captureNodes(browser, appUrl, gateway, shots);

      expect([...shots.keys()]).toHaveLength(16);
      // The committed docs change only when asked for: `PAIRDESK_SCREENSHOTS=1 npm test`.
      if (process.env.PAIRDESK_SCREENSHOTS !== "1") return;
      await mkdir(DOCS_SCREENSHOT_DIR, { recursive: true });
      for (const [name, png] of shots) await writeFile(join(DOCS_SCREENSHOT_DIR, name), png);
    },
    SCREENS_TIMEOUT_MS,
  );
});
