import { networkInterfaces } from "node:os";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { StartedRealGateway } from "../../scripts/real-gateway.mjs";
import { OPERATOR_SCOPES as S } from "../../src/protocol";
import { connectionStatus, dialog, requestCard } from "../e2e/support/app-page";
import { launchChromium, openTab } from "../e2e/support/chromium";
import { freePort } from "../e2e/support/paths";
import {
  connectServedPage,
  entriesOf,
  phoneAsking,
  waitForScopes,
  watchFailedRequests,
} from "./support/mounted-journey";
import { listDevicesWithCli, runOpenclawCli, startRealGateway } from "./support/real-gateway";
import { ScenarioRun } from "./support/scenario-kit";

// Pairdesk reached from another machine (issue #16): the gateway serves it over HTTPS with the
// certificate it made itself, on this machine's first non-loopback IPv4 address, with that
// origin allowed. A browser there is a remote device: it must be paired by the admin on the
// gateway host, and every scope it asks for later is parked for approval too.

const started = Date.now();
const address = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry?.family === "IPv4" && !entry.internal)?.address;
let gateway: StartedRealGateway | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!address) return;
  const port = await freePort();
  const origin = `https://${address}:${port}`;
  gateway = await startRealGateway({
    token: `remote-${crypto.randomUUID()}`,
    port,
    bind: "lan",
    gateway: {
      tls: { enabled: true, autoGenerate: true },
      controlUi: { root: inject("e2eBuildDir"), allowedOrigins: [origin] },
    },
  });
  // The certificate is self-signed and names no address: a person accepts it once; a test
  // browser is told to.
  browser = await launchChromium(["--ignore-certificate-errors"]);
});

afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
  console.log(`remote over HTTPS: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

/** `openclaw devices approve` as the admin on the gateway host (no --url: see the README). */
async function approveOnHost(target: StartedRealGateway, requestId: string) {
  const result = await runOpenclawCli(["devices", "approve", requestId], {
    url: target.url,
    token: target.token,
    onHost: target,
  });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain(`(${requestId})`);
}

/** The request id the page shows in its "needs pairing / approval" notice. */
async function shownRequestId(page: Page, title: string) {
  const alert = page.getByRole("alert").filter({ hasText: title });
  const text = (await alert.getByText(/^Request ID:/).textContent()) ?? "";
  return text.replace("Request ID:", "").trim();
}

describe("Pairdesk over HTTPS from another machine", () => {
  it("is paired by the admin on the host, connects by itself, and approves a parked upgrade", async () => {
    if (!address || !gateway || !browser) {
      console.log(
        "remote over HTTPS: not run: this machine has no non-loopback IPv4 address to serve on",
      );
      return;
    }
    const tab = await openTab(browser);
    const failed = watchFailedRequests(tab);
    const { page } = tab;
    const pageUrl = `https://${address}:${gateway.port}/`;
    const socketUrl = `wss://${address}:${gateway.port}`;
    const scripted = await ScenarioRun.start(gateway);
    try {
      await connectServedPage(page, pageUrl, socketUrl, gateway.token);
      const pairing = "This browser needs pairing";
      const requestId = await shownRequestId(page, pairing);
      await page.getByText(`openclaw devices approve ${requestId}`).waitFor();
      await approveOnHost(gateway, requestId);
      // No reload, no click: the next attempt gets in.
      await waitForScopes(page, socketUrl, [S.read, S.pairing]);

      const name = "Phone of a remote admin";
      const { deviceId } = await phoneAsking(scripted, name, [S.read], [S.read, S.write]);
      const card = requestCard(page, name);
      await card.getByRole("button", { name: "Approve", exact: true }).click();
      const elevation = dialog(page, `Reconnect to approve “${name}”?`);
      await elevation.getByText("Pairdesk reaches this gateway over the network").waitFor();
      await elevation.getByRole("button", { name: `Reconnect with ${S.write}` }).click();
      const upgrade = await shownRequestId(page, "This browser needs approval for more scopes");
      await approveOnHost(gateway, upgrade);
      await waitForScopes(page, socketUrl, [S.read, S.pairing, S.write]);
      await card.getByRole("button", { name: "Approve", exact: true }).click();
      await page.getByText(`“${name}” approved here.`).waitFor();

      const list = entriesOf(await listDevicesWithCli(gateway), deviceId);
      expect(list.paired).toEqual([[S.read, S.write]]);
      expect(await connectionStatus(page).textContent()).toContain(socketUrl);
      expect(failed).toEqual([]);
      expect(tab.consoleErrors).toEqual([]);
    } finally {
      await scripted.finish();
      await tab.context.close();
    }
  });
});
