import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
} from "@openclaw/gateway-protocol/client-info";
import type { Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import { DETAIL_CODES, OPERATOR_SCOPES as S, type PairList } from "../../src/protocol";
import { connectionStatus, connectThroughForm, dialog, requestCard } from "../e2e/support/app-page";
import { seriousAxeViolations } from "../e2e/support/axe";
import { ELSEWHERE_ORIGIN } from "../e2e/support/devices";
import { expectQuietLocalTab } from "../e2e/support/fixtures";
import { test } from "./support/browser-fixtures";
import type { ProvidedRealGateway } from "./support/global-setup";
import { listDevicesWithCli } from "./support/real-gateway";
import type { ScenarioRun } from "./support/scenario-kit";

// The shipped app in Chromium against the real openclaw gateway (issue #6): it connects, a
// scope upgrade asked for by a scripted device shows up live, and what the admin decides in
// the page is what the gateway's own CLI reports afterwards. The gateway is shared with the
// other compat files, so every device is fresh and found by its own id or name, never by
// counting what is listed.

const started = Date.now();
/** A page on another local port: a browser Origin, so the gateway asks a person (spec §5). */
const VIA_BROWSER = { origin: ELSEWHERE_ORIGIN };

afterAll(() => {
  console.log(`browser against the real gateway: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

function androidPhone(displayName: string) {
  return {
    id: IDS.ANDROID_APP,
    mode: MODES.UI,
    platform: "android",
    deviceFamily: "Pixel",
    displayName,
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Waits until the header says the app is connected to the gateway with these scopes. */
async function waitForScopes(page: Page, gateway: ProvidedRealGateway, scopes: string[]) {
  const held = scopes.map((scope) => `(?=.*\\b${escape(scope)}\\b)`).join("");
  const text = new RegExp(`^Connected to ${escape(gateway.url)} with ${held}`);
  await connectionStatus(page).filter({ hasText: text }).waitFor();
}

/** Connects through the form as a person would and checks the least-privilege grant. */
async function connectApp(page: Page, appUrl: string, gateway: ProvidedRealGateway) {
  await connectThroughForm(page, appUrl, gateway);
  await waitForScopes(page, gateway, [S.read, S.pairing]);
}

/**
 * A fresh phone is paired with [read] (silently: loopback, shared token, no Origin), then asks
 * for [read, write] through a browser page, which the real gateway parks for a person.
 */
async function phoneAskingForWrite(scripted: ScenarioRun, name: string) {
  const client = androidPhone(name);
  const paired = await scripted.connect("pair with read", name, { client, scopes: [S.read] });
  expect(paired.kind, `pairing ${name} with operator.read`).toBe("hello");
  const ask = { client, scopes: [S.read, S.write], headers: VIA_BROWSER };
  const asked = await scripted.connect("ask for write", name, ask);
  expect(asked).toMatchObject({
    kind: "refused",
    error: { details: { code: DETAIL_CODES.pairingRequired } },
  });
  const { deviceId } = await scripted.identity(name);
  return { client, deviceId, requestId: scripted.lastRequestId };
}

function entriesOf(list: PairList, deviceId: string) {
  return {
    paired: list.paired.filter((entry) => entry.deviceId === deviceId),
    pending: list.pending.filter((entry) => entry.deviceId === deviceId),
  };
}

describe("the app in a real browser against the real gateway", () => {
  test("connects through the form with least privilege", async ({ appUrl, gateway, tab }) => {
    await connectApp(tab.page, appUrl, gateway);

    // Exactly the two scopes the app asks for: the real gateway granted no more.
    await expect
      .poll(() => connectionStatus(tab.page).textContent())
      .toBe(`Connected to ${gateway.url} with ${S.read}, ${S.pairing}`);
    expectQuietLocalTab(tab);
  });

  test("a scope upgrade appears live, is approved in the page, and the CLI lists it", async ({
    appUrl,
    gateway,
    tab,
    scripted,
  }) => {
    const { page } = tab;
    const name = "Ada's phone on the real gateway";
    await connectApp(page, appUrl, gateway);

    const { client, deviceId } = await phoneAskingForWrite(scripted, name);

    // No reload: the card arrives over the app's socket (device.pair.requested).
    const card = requestCard(page, name);
    await card.getByText("Scope upgrade", { exact: true }).waitFor();
    await card.getByText(`Needs ${S.write}`).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The real gateway lets this read + pairing session grant only what it holds.
    const approve = card.getByRole("button", { name: "Approve", exact: true });
    await approve.click();
    const elevation = dialog(page, `Reconnect to approve “${name}”?`);
    await elevation.getByRole("button", { name: `Reconnect with ${S.write}` }).click();
    await elevation.waitFor({ state: "detached" });
    await waitForScopes(page, gateway, [S.read, S.pairing, S.write]);
    await card.getByText(`Needs ${S.write}`).waitFor({ state: "detached" });
    await approve.click();
    await card.waitFor({ state: "detached" });
    await page.getByText(`“${name}” approved here.`).waitFor();

    const list = entriesOf(await listDevicesWithCli(gateway), deviceId);
    expect(list.paired.map((entry) => entry.scopes)).toEqual([[S.read, S.write]]);
    expect(list.pending).toEqual([]);
    const again = await scripted.connect("connect with write", name, {
      client,
      scopes: [S.read, S.write],
      headers: VIA_BROWSER,
    });
    expect(again.kind === "hello" && again.hello.auth.scopes).toEqual([S.read, S.write]);
    expectQuietLocalTab(tab);
  });

  test("a rejected upgrade disappears and the device keeps operator.read only", async ({
    appUrl,
    gateway,
    tab,
    scripted,
  }) => {
    const { page } = tab;
    const name = "Unwanted upgrade on the real gateway";
    await connectApp(page, appUrl, gateway);

    const { client, deviceId } = await phoneAskingForWrite(scripted, name);

    const card = requestCard(page, name);
    // Rejecting grants nothing, so the read + pairing session needs no reconnect.
    await card.getByRole("button", { name: "Reject", exact: true }).click();
    // A rejection cannot be taken back, so the page asks first.
    const confirm = dialog(page, `Reject “${name}”?`);
    await confirm.getByRole("button", { name: "Reject", exact: true }).click();
    await card.waitFor({ state: "detached" });
    await page.getByText(`“${name}” rejected here.`).waitFor();

    const list = entriesOf(await listDevicesWithCli(gateway), deviceId);
    expect(list.paired.map((entry) => entry.scopes)).toEqual([[S.read]]);
    expect(list.pending).toEqual([]);
    // Asking for write again would park a new request; what it had still connects.
    const again = await scripted.connect("connect with read", name, {
      client,
      scopes: [S.read],
      headers: VIA_BROWSER,
    });
    expect(again.kind === "hello" && again.hello.auth.scopes).toEqual([S.read]);
    await waitForScopes(page, gateway, [S.read, S.pairing]);
    expectQuietLocalTab(tab);
  });
});
