import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { METHODS, OPERATOR_SCOPES as S, ROLES } from "../../src/protocol";
import { connectionStatus, connectThroughForm, dialog } from "../e2e/support/app-page";
import { test } from "./support/browser-fixtures";
import type { ProvidedRealGateway } from "./support/global-setup";
import { NODE_HOST } from "./support/scenario-kit";

// Issue #18 in Chromium against the real gateway: a scripted node host connects declaring a
// command, its capability request appears live on the Nodes screen, is approved and renamed
// there, and the gateway's node.pair.list then lists the approved surface and the new name;
// an older silent pairing of a device is cleaned up on the Devices screen.

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function waitForScopes(page: Page, gateway: ProvidedRealGateway, scopes: string[]) {
  const held = scopes.map((scope) => `(?=.*\\b${escape(scope)}\\b)`).join("");
  const text = new RegExp(`^Connected to ${escape(gateway.url)} with ${held}`);
  await connectionStatus(page).filter({ hasText: text }).waitFor();
}

type NodeList = {
  paired: { nodeId: string; commands: string[]; displayName?: string }[];
  pending: { nodeId: string }[];
};
type DeviceList = { paired: { deviceId: string; displayName?: string }[] };

async function listed<T>(
  scripted: { call: (s: string, m: string, p: unknown) => Promise<unknown> },
  method: string,
) {
  const frame = (await scripted.call(method, method, {})) as { ok: boolean; payload?: unknown };
  return (frame.ok ? frame.payload : undefined) as T;
}

describe("node capability requests against the real gateway", () => {
  test("a node's request appears live, is approved and renamed in the page, and the gateway lists both", async ({
    appUrl,
    gateway,
    tab,
    scripted,
  }) => {
    const { page } = tab;
    const name = `Build box ${Date.now()}`;
    await connectThroughForm(page, appUrl, gateway);
    await waitForScopes(page, gateway, [S.read, S.pairing]);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: /Nodes/ })
      .click();
    await page.getByRole("heading", { name: "Node requests" }).waitFor();

    const connected = await scripted.connect("node connects", name, {
      client: { ...NODE_HOST, displayName: name },
      role: ROLES.node,
      scopes: [],
      caps: ["system"],
      commands: ["system.notify"],
      keepOpen: true,
    });
    expect(connected.kind).toBe("hello");
    const { deviceId } = await scripted.identity(name);

    const card = page.getByRole("article", { name });
    await card
      .getByText(
        "Approving needs operator.pairing + operator.write; this session lacks operator.write.",
      )
      .waitFor();
    await card.getByRole("button", { name: "Approve", exact: true }).click();
    const elevation = dialog(page, "Reconnect with operator.write?");
    await elevation.getByRole("button", { name: `Reconnect with ${S.write}` }).click();
    await waitForScopes(page, gateway, [S.read, S.pairing, S.write]);
    await card.getByRole("button", { name: "Approve", exact: true }).click();
    await page.getByText(`Approved node “${name}”.`).waitFor();
    await card.waitFor({ state: "detached" });

    const frame = await scripted.call("node.pair.list", METHODS.nodePairList, {});
    const list = (frame.ok ? frame.payload : undefined) as NodeList;
    expect(list.paired.filter((n) => n.nodeId === deviceId).map((n) => n.commands)).toEqual([
      ["system.notify"],
    ]);
    expect(list.pending.filter((n) => n.nodeId === deviceId)).toEqual([]);

    const renamed = `${name} renamed`;
    const row = page.getByRole("list", { name: "Approved nodes" }).getByRole("listitem");
    await row.filter({ hasText: name }).getByRole("button", { name: "Rename" }).click();
    const rename = page.getByRole("dialog", { name: /^Rename “/ });
    await rename.getByRole("textbox", { name: "New name" }).fill(`  ${renamed} `);
    await rename.getByRole("button", { name: "Save name" }).click();
    await page.getByText(new RegExp(`^Renamed node “.*” to “${escape(renamed)}”\\.$`)).waitFor();
    await row.filter({ hasText: renamed }).waitFor();
    const nodes = await listed<NodeList>(scripted, METHODS.nodePairList);
    expect(nodes.paired.find((n) => n.nodeId === deviceId)?.displayName).toBe(renamed);
    // What the dialog's hint says: the device pairing keeps its own name.
    const devices = await listed<DeviceList>(scripted, METHODS.pairList);
    expect(devices.paired.find((d) => d.deviceId === deviceId)?.displayName).toBe(name);
  });

  test("an older silent pairing of a device is cleaned up on the Devices screen", async ({
    appUrl,
    gateway,
    tab,
    scripted,
  }) => {
    const { page } = tab;
    const name = `Cron box ${Date.now()}`;
    // Two keys, one name, paired silently on loopback less than a minute apart: the gateway
    // deletes older silent pairings of a new one only when they are over a minute old (§9).
    for (const label of ["first key", "second key"]) {
      const outcome = await scripted.connect("silent pairing", label, {
        client: { ...NODE_HOST, mode: "backend", displayName: name },
      });
      expect(outcome.kind).toBe("hello");
    }
    const older = (await scripted.identity("first key")).deviceId;
    const newer = (await scripted.identity("second key")).deviceId;
    await connectThroughForm(page, appUrl, gateway);
    await waitForScopes(page, gateway, [S.read, S.pairing]);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: /Devices/ })
      .click();
    await page.getByText(`1 older pairing of ${name}`).waitFor();
    await page.getByRole("button", { name: /^Clean up \d+ stale$/ }).click();
    const confirm = page.getByRole("dialog", { name: /^Remove \d+ stale pairings?\?$/ });
    const item = confirm.getByRole("list", { name: "Pairings to remove" }).getByRole("listitem");
    await item.filter({ hasText: older }).waitFor();
    expect(await item.filter({ hasText: newer }).count()).toBe(0);
    await confirm.getByRole("button", { name: /^Remove \d+$/ }).click();
    await page.getByText(/^Removed (\d+) of \1 stale pairings?\.$/).waitFor();

    const devices = await listed<DeviceList>(scripted, METHODS.pairList);
    const ids = devices.paired.map((d) => d.deviceId);
    expect(ids).not.toContain(older);
    expect(ids).toContain(newer);
  });

  test("a setup code created in the page is redeemed by a scripted node host", async ({
    appUrl,
    gateway,
    tab,
    scripted,
  }) => {
    const { page } = tab;
    const name = `Node via code ${Date.now()}`;
    await connectThroughForm(page, appUrl, gateway);
    await waitForScopes(page, gateway, [S.read, S.pairing]);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: /Nodes/ })
      .click();
    await page.getByRole("button", { name: `Ask for ${S.admin}` }).click();
    await dialog(page, `Reconnect with ${S.admin}?`)
      .getByRole("button", { name: new RegExp(`${escape(S.admin)}$`) })
      .click();
    await waitForScopes(page, gateway, [S.admin]);

    // A loopback-only gateway needs the address the device will use.
    await page.getByRole("textbox", { name: /Address the device will use/ }).fill(gateway.url);
    await page.getByRole("button", { name: "Create setup code" }).click();
    const shown = page.getByRole("region", { name: "Setup code" });
    await shown.getByText(/Access: node/).waitFor();
    await shown.getByRole("img", { name: "QR code of the setup code" }).waitFor();
    const code = await shown.getByRole("textbox", { name: "Setup code text" }).inputValue();
    const { bootstrapToken } = JSON.parse(Buffer.from(code, "base64url").toString("utf8")) as {
      bootstrapToken: string;
    };

    const redeemed = await scripted.connect("redeem the code", name, {
      client: { ...NODE_HOST, displayName: name },
      role: ROLES.node,
      scopes: [],
      auth: { bootstrapToken },
      caps: ["system"],
      commands: ["system.notify"],
    });
    expect(redeemed.kind).toBe("hello");
    await page.getByText(`“${name}” used the code (access: node).`).waitFor();
    await shown.waitFor({ state: "detached" });
    expect(await page.content()).not.toContain(bootstrapToken);

    const { deviceId } = await scripted.identity(name);
    const frame = await scripted.call("node.pair.list", METHODS.nodePairList, {});
    const list = (frame.ok ? frame.payload : undefined) as NodeList;
    expect(list.paired.filter((n) => n.nodeId === deviceId).map((n) => n.commands)).toEqual([
      ["system.notify"],
    ]);
  });
});
