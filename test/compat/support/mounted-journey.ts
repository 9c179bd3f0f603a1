import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
} from "@openclaw/gateway-protocol/client-info";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { DETAIL_CODES, OPERATOR_SCOPES as S, type PairList } from "../../../src/protocol";
import { connectionStatus, dialog, requestCard } from "../../e2e/support/app-page";
import type { AppTab } from "../../e2e/support/chromium";
import { ELSEWHERE_ORIGIN } from "../../e2e/support/devices";
import { listDevicesWithCli } from "./real-gateway";
import type { ScenarioRun } from "./scenario-kit";

// Pairdesk served by a real gateway (gateway.controlUi.root), as an admin meets it: the page
// the gateway serves, its own address in the Gateway URL field, the token, and a device's scope
// upgrade approved from the page. Shared by the mount tests and the release matrix.

/** A gateway the page can reach, and what its own CLI needs to act on its host. */
export type GatewayUnderTest = {
  url: string;
  token: string;
  port: number;
  stateDir: string;
  version: string;
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Requests the page could not complete (network errors), next to the tab's HTTP errors. */
export function watchFailedRequests(tab: AppTab): string[] {
  const failed: string[] = [];
  tab.page.on("requestfailed", (request) =>
    failed.push(`${request.url()}: ${request.failure()?.errorText ?? "failed"}`),
  );
  return failed;
}

/** Waits until the header says the page is connected to `url` holding at least `scopes`. */
export async function waitForScopes(page: Page, url: string, scopes: string[]): Promise<void> {
  const held = scopes.map((scope) => `(?=.*\\b${escape(scope)}\\b)`).join("");
  const text = new RegExp(`^Connected to ${escape(url)} with ${held}`);
  await connectionStatus(page).filter({ hasText: text }).waitFor();
}

/**
 * Opens the served page and connects with the token only: the URL must already be there. A
 * release that does not mark the pages it serves offers `offered` instead, which is replaced.
 */
export async function connectServedPage(
  page: Page,
  pageUrl: string,
  gatewayUrl: string,
  token: string,
  offered = gatewayUrl,
): Promise<void> {
  await page.goto(pageUrl);
  const field = page.getByRole("textbox", { name: "Gateway URL" });
  expect(await field.inputValue(), "the Gateway URL the served page offers").toBe(offered);
  if (offered !== gatewayUrl) await field.fill(gatewayUrl);
  await page.getByLabel("Token", { exact: true }).fill(token);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
}

function androidPhone(displayName: string) {
  return { id: IDS.ANDROID_APP, mode: MODES.UI, platform: "android", displayName };
}

/**
 * A fresh phone paired with `from` (silently: loopback, shared token, no Origin) asks for `to`
 * through a browser page on this machine, which every release parks for a person.
 */
export async function phoneAsking(
  scripted: ScenarioRun,
  name: string,
  from: string[],
  to: string[],
): Promise<{ deviceId: string; requestId: string }> {
  const client = androidPhone(name);
  const paired = await scripted.connect("pair", name, { client, scopes: from });
  expect(paired.kind, `pairing ${name} with ${from.join(", ")}`).toBe("hello");
  const via = { origin: ELSEWHERE_ORIGIN };
  const asked = await scripted.connect("ask", name, { client, scopes: to, headers: via });
  expect(asked).toMatchObject({
    kind: "refused",
    error: { details: { code: DETAIL_CODES.pairingRequired } },
  });
  const { deviceId } = await scripted.identity(name);
  return { deviceId, requestId: scripted.lastRequestId ?? "" };
}

export function entriesOf(list: PairList, deviceId: string) {
  return {
    paired: list.paired.filter((entry) => entry.deviceId === deviceId).map((e) => e.scopes),
    pending: list.pending.filter((entry) => entry.deviceId === deviceId),
  };
}

/**
 * From the connected page: a phone's read → read + write upgrade appears live, the admin
 * approves it through the elevation dialog (`button`, which says what this release does) and
 * the gateway's own CLI lists the new scopes. Returns how long the elevation took.
 */
export async function approveWriteUpgrade(
  page: Page,
  gateway: GatewayUnderTest,
  scripted: ScenarioRun,
  name: string,
  button: string,
  /** Words the dialog must say about this release. */
  note?: string,
): Promise<number> {
  const { deviceId } = await phoneAsking(scripted, name, [S.read], [S.read, S.write]);
  const card = requestCard(page, name);
  await card.getByText(`Needs ${S.write}`).waitFor();
  const approve = card.getByRole("button", { name: "Approve", exact: true });
  await approve.click();
  const elevation = dialog(page, `Reconnect to approve “${name}”?`);
  if (note) await elevation.getByText(note).waitFor();
  const started = Date.now();
  await elevation.getByRole("button", { name: button }).click();
  await elevation.waitFor({ state: "detached" });
  await waitForScopes(page, gateway.url, [S.read, S.pairing, S.write]);
  const elevatedMs = Date.now() - started;
  await card.getByText(`Needs ${S.write}`).waitFor({ state: "detached" });
  await approve.click();
  await page.getByText(`“${name}” approved here.`).waitFor();

  const list = entriesOf(await listDevicesWithCli(gateway), deviceId);
  expect(list.paired).toEqual([[S.read, S.write]]);
  expect(list.pending).toEqual([]);
  return elevatedMs;
}
