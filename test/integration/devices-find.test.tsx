import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { StoredPairedDevice } from "../../mocks/core/types";
import { OPERATOR_SCOPES, ROLES } from "../../src/protocol";
import {
  askFromLan,
  findDevice,
  loopbackDevice,
  otherAdmin,
  pairSilently,
  connectDevicesScreen,
} from "../support/app-harness";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function shownNames(): string[] {
  const list = screen.queryByRole("list", { name: "Paired devices" });
  if (!list) return [];
  // One role query for the whole list: a query per card is slow in jsdom.
  return within(list)
    .queryAllByRole("heading", { level: 3 })
    .map((heading) => heading.textContent ?? "");
}

describe("devices: search, filter and sort", () => {
  it("narrows the list by search, role, client, connection and approval, and sorts it", async () => {
    const app = await connectDevicesScreen({
      before: async (harness) => {
        await pairSilently(harness, loopbackDevice("alpha cron"));
        await pause(5);
        await pairSilently(
          harness,
          loopbackDevice("bravo node", {
            client: { id: "node-host", mode: "node", platform: "linux", displayName: "bravo node" },
            role: ROLES.node,
            scopes: [],
          }),
        );
        await pause(5);
        const { requestId } = await askFromLan(harness, "phone", "Ada's iPhone");
        const admin = await otherAdmin(harness);
        await pause(5);
        await admin.approve(requestId);
        admin.close();
        await pause(5);
      },
    });
    await findDevice("Pairdesk");
    const { user } = app;
    // "command-line tool" is the other admin (a nameless CLI), paired silently on loopback.
    expect(shownNames()).toEqual([
      "Ada's iPhone",
      "alpha cron",
      "bravo node",
      "command-line tool",
      "Pairdesk",
    ]);
    expect(screen.getByText("5 paired devices")).toBeVisible();

    await user.type(screen.getByRole("searchbox", { name: "Search" }), "BRAVO");
    expect(shownNames()).toEqual(["bravo node"]);
    expect(screen.getByText("Showing 1 of 5 paired devices")).toBeVisible();
    await user.clear(screen.getByRole("searchbox", { name: "Search" }));
    await user.type(screen.getByRole("searchbox", { name: "Search" }), "operator.write");
    expect(shownNames()).toEqual(["Ada's iPhone"]);
    await user.clear(screen.getByRole("searchbox", { name: "Search" }));

    await user.selectOptions(screen.getByRole("combobox", { name: "Role" }), "node");
    expect(shownNames()).toEqual(["bravo node"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Role" }), "Any role");

    await user.selectOptions(screen.getByRole("combobox", { name: "Client" }), "iPhone / iPad app");
    expect(shownNames()).toEqual(["Ada's iPhone"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Client" }), "Any client");

    await user.selectOptions(screen.getByRole("combobox", { name: "Connection" }), "Connected now");
    expect(shownNames()).toEqual(["Pairdesk"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Connection" }), "Not connected");
    expect(shownNames()).toEqual(["Ada's iPhone", "alpha cron", "bravo node", "command-line tool"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Connection" }), "all");

    await user.selectOptions(screen.getByRole("combobox", { name: "Approved" }), "By an admin");
    expect(shownNames()).toEqual(["Ada's iPhone"]);
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Approved" }),
      "Automatically on this host",
    );
    expect(shownNames()).toEqual(["alpha cron", "bravo node", "command-line tool", "Pairdesk"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Approved" }), "Any way");

    await user.selectOptions(
      screen.getByRole("combobox", { name: "Sort by" }),
      "Created, newest first",
    );
    expect(shownNames()).toEqual([
      "Pairdesk",
      "Ada's iPhone",
      "command-line tool",
      "bravo node",
      "alpha cron",
    ]);

    await user.type(screen.getByRole("searchbox", { name: "Search" }), "nothing like this");
    expect(shownNames()).toEqual([]);
    expect(screen.getByText("Showing 0 of 5 paired devices")).toBeVisible();
  });
});

describe("devices: one device's page", () => {
  it("opens from the list at /devices/:deviceId and shows the pending request", async () => {
    let phoneId = "";
    const app = await connectDevicesScreen({
      before: async (harness) => {
        const results = await harness.simulator.run("phone-scope-upgrade");
        phoneId = results.at(-1)?.deviceId ?? "";
      },
    });
    const card = await findDevice("Ada's iPhone");
    await app.user.click(within(card).getByRole("link", { name: "Details of Ada's iPhone" }));

    expect(window.location.pathname).toBe(`/devices/${phoneId}`);
    expect(shownNames()).toEqual([]);
    expect(screen.getByRole("heading", { name: "Ada's iPhone" })).toBeVisible();
    const pending = screen.getByRole("region", { name: "Pending request" });
    const asked = within(pending).getByRole("list", { name: "Scopes asked" });
    expect(within(asked).getByText(OPERATOR_SCOPES.approvals)).toBeVisible();
    const requestId = app.harness.gateway.list().pending[0]?.requestId ?? "missing";
    expect(within(pending).getByRole("link", { name: "Review this request" })).toHaveAttribute(
      "href",
      `/requests/${requestId}`,
    );

    await app.user.click(screen.getByRole("link", { name: "All devices" }));
    expect(window.location.pathname).toBe("/devices");
    expect(shownNames()).toContain("Ada's iPhone");
  });

  it("says so when no paired device has the address's ID", async () => {
    await connectDevicesScreen({ path: `/devices/${"0".repeat(64)}` });
    expect(await screen.findByText("No paired device has this ID.")).toBeVisible();
  });
});

function fleet(count: number, now: number): StoredPairedDevice[] {
  return Array.from({ length: count }, (_, index) => ({
    deviceId: index.toString(16).padStart(64, "0"),
    publicKey: `key-${index}`,
    displayName: `Device ${index}`,
    clientId: "node-host",
    clientMode: "backend",
    platform: index < 60 ? "freebsd" : "linux",
    role: ROLES.operator,
    roles: [ROLES.operator],
    scopes: [OPERATOR_SCOPES.read],
    approvedVia: "silent",
    createdAtMs: now,
    approvedAtMs: now,
    tokens: [{ role: ROLES.operator, scopes: [OPERATOR_SCOPES.read], createdAtMs: now }],
    tokenSecrets: [{ role: ROLES.operator, token: `secret-${index}` }],
  }));
}

describe("devices: thousands of them", () => {
  it("renders only the rows on screen, and every row once a search narrows the list", async () => {
    // jsdom has no layout: give every element a size, as a browser window would.
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(800);
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(1024);
    vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(400);
    const app = await connectDevicesScreen({
      gateway: { initialState: { pending: [], paired: fleet(400, Date.now()) } },
    });
    expect(await screen.findByText("401 paired devices", {}, { timeout: 5000 })).toBeVisible();
    const rendered = shownNames().length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(50);

    await app.user.click(screen.getByRole("searchbox", { name: "Search" }));
    await app.user.paste("freebsd");
    expect(screen.getByText("Showing 60 of 401 paired devices")).toBeVisible();
    expect(shownNames()).toHaveLength(60);
  });
});
