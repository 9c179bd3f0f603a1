import { describe, expect } from "vitest";
import { OPERATOR_SCOPES as S } from "../../src/protocol";
import {
  connectionStatus,
  connectThroughForm,
  requestCard,
  waitForCardCount,
  waitForConnected,
} from "./support/app-page";
import { askForPairing, phone } from "./support/devices";
import { expectQuietLocalTab, test } from "./support/fixtures";

const PAUSE_AHEAD_MS = 250;

describe("losing the gateway in a real browser", () => {
  test("a dropped socket reconnects and resyncs, showing a request made meanwhile", async ({
    appUrl,
    gateway,
    tab,
  }) => {
    const { page } = tab;
    // The page's timers are faked (but flowing) so the reconnect can be held back below.
    await page.clock.install();
    await connectThroughForm(page, appUrl, gateway);
    const before = await phone("Before the drop");
    await askForPairing(gateway, before, [S.read]);
    await requestCard(page, before.name).waitFor();

    await gateway.stop();
    await connectionStatus(page)
      .filter({ hasText: /^Reconnecting to/ })
      .waitFor();
    // Hold the app's retry timer: the request below is then made while the app is provably
    // disconnected, and only the resync after the reconnect can bring it in. (A retry that
    // falls due in the small jump to the pause point meets a stopped gateway and fails.)
    const pageNow = await page.evaluate(() => Date.now());
    await page.clock.pauseAt(pageNow + PAUSE_AHEAD_MS);
    await connectionStatus(page)
      .filter({ hasText: /^Reconnecting to/ })
      .waitFor();
    await gateway.start();
    const meanwhile = await phone("Asked meanwhile");
    await askForPairing(gateway, meanwhile, [S.read]);
    expect(await connectionStatus(page).innerText()).toMatch(/^Reconnecting to/);
    await page.clock.resume();

    await waitForConnected(page, gateway);
    await requestCard(page, meanwhile.name).waitFor();
    await requestCard(page, before.name).waitFor();
    await waitForCardCount(page, 2);
    expectQuietLocalTab(tab);
  });
});
