import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import { OPERATOR_SCOPES as S } from "../../src/protocol";
import { expectQuietLocalTab } from "../e2e/support/fixtures";
import { test } from "./support/browser-fixtures";
import {
  approveWriteUpgrade,
  connectServedPage,
  waitForScopes,
  watchFailedRequests,
  type GatewayUnderTest,
} from "./support/mounted-journey";
import { startRealGateway } from "./support/real-gateway";
import { ScenarioRun } from "./support/scenario-kit";
import type { StartedRealGateway } from "../../scripts/real-gateway.mjs";

// Pairdesk's production build as the real gateway's Control UI (issue #16): at "/" on the
// run's shared gateway, and under gateway.controlUi.basePath on a gateway of its own. The page
// must load whole, offer its own gateway, connect with the token only and approve live.

const started = Date.now();
const RECONNECT_AT_ONCE = `Reconnect with ${S.write}`;
let mounted: StartedRealGateway | undefined;

beforeAll(async () => {
  mounted = await startRealGateway({
    token: `mount-${crypto.randomUUID()}`,
    gateway: { controlUi: { root: inject("e2eBuildDir"), basePath: "/pairdesk" } },
  });
});

afterAll(async () => {
  await mounted?.stop();
  console.log(`mounted on the real gateway: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

const httpOf = (url: string) => url.replace(/^ws/, "http");

describe("Pairdesk mounted on the real gateway", () => {
  test("at / it loads whole, offers its gateway, connects with the token and approves live", async ({
    gateway,
    tab,
    scripted,
  }) => {
    const failed = watchFailedRequests(tab);
    const { page } = tab;
    await connectServedPage(page, `${httpOf(gateway.url)}/`, gateway.url, gateway.token);
    await waitForScopes(page, gateway.url, [S.read, S.pairing]);

    await approveWriteUpgrade(
      page,
      gateway,
      scripted,
      "Phone of a mounted admin",
      RECONNECT_AT_ONCE,
    );
    expect(failed).toEqual([]);
    // Both policies apply: a violation of either would be a console error here.
    expectQuietLocalTab(tab);

    // What a meta tag cannot do, the gateway's own headers do (SECURITY.md).
    const served = await fetch(`${httpOf(gateway.url)}/`);
    expect(served.headers.get("x-frame-options")).toBe("DENY");
    expect(served.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(served.headers.get("content-security-policy")).toMatch(/connect-src [^;]*\bws: wss:/);
    expect(await served.text()).toContain("connect-src ws: wss:");
  });

  test("under a basePath it loads whole, connects on that path, approves, and deep links reload", async ({
    tab,
  }) => {
    const gateway: GatewayUnderTest = mounted ?? expect.unreachable("no mounted gateway");
    const failed = watchFailedRequests(tab);
    const { page } = tab;
    const base = `${httpOf(gateway.url)}/pairdesk`;
    const socketUrl = `${gateway.url}/pairdesk`;
    // The gateway redirects /pairdesk to /pairdesk/; the socket it offers keeps the mount path.
    await connectServedPage(page, base, socketUrl, gateway.token);
    expect(page.url()).toBe(`${base}/`);
    await waitForScopes(page, socketUrl, [S.read, S.pairing]);

    const scripted = await ScenarioRun.start(gateway);
    try {
      const target = { ...gateway, url: socketUrl };
      await approveWriteUpgrade(
        page,
        target,
        scripted,
        "Phone under a basePath",
        RECONNECT_AT_ONCE,
      );
    } finally {
      await scripted.finish();
    }

    // A link inside the app keeps the mount path, and the gateway serves that address again.
    await page.getByRole("link", { name: "Devices", exact: true }).click();
    expect(page.url()).toBe(`${base}/devices`);
    // Its screen loads first: a reload while its chunk is in flight aborts that request.
    await page.getByRole("heading", { name: "Devices", level: 2 }).waitFor();
    const sockets: string[] = [];
    page.on("websocket", (socket) => sockets.push(socket.url()));
    await page.reload();
    await page.getByRole("heading", { name: "Devices", level: 2 }).waitFor();
    await waitForScopes(page, socketUrl, [S.read, S.pairing]);
    // The gateway's own policy lets index.html's inline script open the one socket it runs on.
    expect(sockets).toEqual([socketUrl]);
    expect(failed).toEqual([]);
    expectQuietLocalTab(tab);
  });
});
