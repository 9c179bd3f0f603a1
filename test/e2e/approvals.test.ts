import { describe, expect } from "vitest";
import { ERROR_CODES, OPERATOR_SCOPES as S } from "../../src/protocol";
import {
  connectThroughForm,
  dialog,
  reconnectWith,
  requestCard,
  waitForCardCount,
} from "./support/app-page";
import { seriousAxeViolations } from "./support/axe";
import {
  askForPairing,
  connectAs,
  connectExpectingHello,
  cronJob,
  ELSEWHERE_ORIGIN,
  phone,
} from "./support/devices";
import { expectQuietLocalTab, test } from "./support/fixtures";

const viaBrowser = { origin: ELSEWHERE_ORIGIN };

describe("approving scope upgrades in a real browser", () => {
  test("a cron job on loopback gets operator.write silently: nothing appears to approve", async ({
    appUrl,
    gateway,
    tab,
  }) => {
    const { page } = tab;
    await connectThroughForm(page, appUrl, gateway);
    const cron = await cronJob("Nightly cron");
    expect((await connectExpectingHello(gateway, cron, [S.read])).auth.scopes).toEqual([S.read]);

    const upgraded = await connectExpectingHello(gateway, cron, [S.read, S.write]);

    expect(upgraded.auth.scopes).toEqual(expect.arrayContaining([S.read, S.write]));
    // A request that does need a person arrives after the cron's upgrade on the same socket,
    // so once it is listed, a request for the cron job would have been listed too.
    const control = await phone("Control phone");
    await askForPairing(gateway, control, [S.read]);
    await requestCard(page, control.name).waitFor();
    await waitForCardCount(page, 1);
    expect(await requestCard(page, cron.name).count()).toBe(0);
    expectQuietLocalTab(tab);
  });

  test("a scope upgrade appears live, is approved, and the device then has the scope", async ({
    appUrl,
    gateway,
    tab,
  }) => {
    const { page } = tab;
    await connectThroughForm(page, appUrl, gateway);
    const device = await phone("Ada's phone");
    await connectExpectingHello(gateway, device, [S.read]);

    await askForPairing(gateway, device, [S.read, S.write]);

    const card = requestCard(page, device.name);
    // Exact: the card's "why not automatic" text also mentions scope upgrades.
    await card.getByText("Scope upgrade", { exact: true }).waitFor();
    await card.getByText(S.write).first().waitFor();
    await card.getByText(`Needs ${S.write}`).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The gateway lets this read + pairing session grant only what it holds: widen it first.
    await card.getByRole("button", { name: "Approve", exact: true }).click();
    await dialog(page, `Reconnect to approve “${device.name}”?`).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await reconnectWith(page, gateway, S.write);
    await card.getByText(`Needs ${S.write}`).waitFor({ state: "detached" });
    await card.getByRole("button", { name: "Approve", exact: true }).click();
    await card.waitFor({ state: "detached" });
    await page.getByText(`“${device.name}” approved here.`).waitFor();

    const hello = await connectExpectingHello(gateway, device, [S.read, S.write], viaBrowser);
    expect(hello.auth.scopes).toEqual(expect.arrayContaining([S.read, S.write]));
    expectQuietLocalTab(tab);
  });

  test("a rejected upgrade leaves the device with what it had", async ({
    appUrl,
    gateway,
    tab,
  }) => {
    const { page } = tab;
    await connectThroughForm(page, appUrl, gateway);
    const device = await phone("Unwanted upgrade");
    await connectExpectingHello(gateway, device, [S.read]);
    await askForPairing(gateway, device, [S.read, S.write]);

    const card = requestCard(page, device.name);
    await card.getByRole("button", { name: "Reject", exact: true }).click();
    // A rejection cannot be taken back, so the page asks first.
    const confirm = dialog(page, `Reject “${device.name}”?`);
    await confirm.getByRole("button", { name: "Reject", exact: true }).click();
    await card.waitFor({ state: "detached" });
    await page.getByText(`“${device.name}” rejected here.`).waitFor();

    const again = await connectAs(gateway, device, [S.read, S.write], viaBrowser);
    expect(again).toMatchObject({ kind: "refused", error: { code: ERROR_CODES.notPaired } });
    const hello = await connectExpectingHello(gateway, device, [S.read], viaBrowser);
    expect(hello.auth.scopes).toEqual([S.read]);
    expectQuietLocalTab(tab);
  });

  test("approving operator.admin needs the confirmation dialog", async ({
    appUrl,
    gateway,
    tab,
  }) => {
    const { page } = tab;
    await connectThroughForm(page, appUrl, gateway);
    const device = await cronJob("Backup runner");
    await connectExpectingHello(gateway, device, [S.read]);
    await askForPairing(gateway, device, [S.read, S.admin]);
    const card = requestCard(page, device.name);
    const approve = card.getByRole("button", { name: "Approve", exact: true });

    // Granting operator.admin needs it: first the session, then the full-control warning.
    await approve.click();
    await reconnectWith(page, gateway, S.admin);
    await approve.click();
    const confirm = dialog(page, `Give “${device.name}” full control?`);
    await confirm.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // A modal dialog: the page behind is inert, so focus cannot reach the card's buttons.
    expect(await confirm.evaluate((node) => node.matches(":modal"))).toBe(true);
    await approve.evaluate((button: HTMLElement) => button.focus());
    expect(await confirm.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "detached" });
    await card.waitFor();

    await approve.click();
    await confirm.getByRole("button", { name: "Approve full control" }).click();
    await card.waitFor({ state: "detached" });

    const hello = await connectExpectingHello(gateway, device, [S.read, S.admin], viaBrowser);
    expect(hello.auth.scopes).toContain(S.admin);
    expectQuietLocalTab(tab);
  });

  test("a request's details open as a dialog at its own address", async ({
    appUrl,
    gateway,
    tab,
  }) => {
    const { page } = tab;
    await connectThroughForm(page, appUrl, gateway);
    const device = await phone("Detailed phone");
    await connectExpectingHello(gateway, device, [S.read]);
    const requestId = await askForPairing(gateway, device, [S.read, S.approvals]);

    await requestCard(page, device.name).getByRole("link", { name: "Details" }).click();

    const details = dialog(page, `Request from “${device.name}”`);
    await details.waitFor();
    await details.getByText(requestId).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/requests/${requestId}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await details.getByRole("button", { name: "Close" }).click();
    await details.waitFor({ state: "detached" });
    expect(new URL(page.url()).pathname).toBe("/");
    expectQuietLocalTab(tab);
  });
});
