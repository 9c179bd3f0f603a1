import type { Locator, Page } from "playwright-core";

// What a person sees and clicks, found by role and accessible name. playwright-core has no
// auto-retrying expect, so every wait is explicit: a locator reaching a state, never a sleep.

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where the app connects: the mock gateway process or a real gateway. */
export type GatewayEndpoint = { url: string; token: string };

export function connectionStatus(page: Page): Locator {
  return page.getByRole("status", { name: "Connection" });
}

/** Waits until the header says "Connected to <url>". */
export async function waitForConnected(page: Page, gateway: GatewayEndpoint): Promise<void> {
  await connectionStatus(page)
    .filter({ hasText: new RegExp(`^Connected to ${escape(gateway.url)}`) })
    .waitFor();
}

/** Opens the app, fills the connect form and waits for the connection. */
export async function connectThroughForm(
  page: Page,
  appUrl: string,
  gateway: GatewayEndpoint,
): Promise<void> {
  await page.goto(appUrl);
  await page.getByRole("textbox", { name: "Gateway URL" }).fill(gateway.url);
  await page.getByLabel("Token", { exact: true }).fill(gateway.token);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  await waitForConnected(page, gateway);
  await approvalsHeading(page).waitFor();
}

export function approvalsHeading(page: Page): Locator {
  return page.getByRole("heading", { name: /^Pending requests/, level: 2 });
}

export function pendingList(page: Page): Locator {
  return page.getByRole("list", { name: "Pending requests" });
}

/** The request card of the device with this display name. */
export function requestCard(page: Page, name: string): Locator {
  return pendingList(page).getByRole("article", { name, exact: true });
}

export function emptyState(page: Page): Locator {
  return page.getByText("Nothing is waiting for approval.");
}

/** Waits until exactly `count` request cards are listed. */
export async function waitForCardCount(page: Page, count: number): Promise<void> {
  const cards = pendingList(page).getByRole("article");
  if (count === 0) {
    await emptyState(page).waitFor();
    return;
  }
  await cards.nth(count - 1).waitFor();
  await cards.nth(count).waitFor({ state: "detached" });
}

export function dialog(page: Page, name?: string | RegExp): Locator {
  return page.getByRole("dialog", name === undefined ? undefined : { name });
}

/**
 * Goes through the dialog an approval opens when this session lacks what it would grant:
 * reconnects with `scopes` (as the button names them) and waits until the header lists them.
 * The approval itself is the caller's next click.
 */
export async function reconnectWith(
  page: Page,
  gateway: GatewayEndpoint,
  scopes: string,
): Promise<void> {
  const elevation = dialog(page, /^Reconnect to approve/);
  await elevation.waitFor();
  await elevation.getByRole("button", { name: `Reconnect with ${scopes}` }).click();
  await elevation.waitFor({ state: "detached" });
  await connectionStatus(page)
    .filter({
      hasText: new RegExp(`^Connected to ${escape(gateway.url)} with .*${escape(scopes)}`),
    })
    .waitFor();
}
