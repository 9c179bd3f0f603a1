import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  findRequest,
  reconnectWith,
  connectApp,
  requestNames,
  type ConnectedApp,
} from "../support/app-harness";

const pendingNames = (app: ConnectedApp) =>
  app.harness.gateway
    .list()
    .pending.map((request) => request.displayName ?? "command-line tool")
    .sort();

async function select(app: ConnectedApp, name: string) {
  const card = await findRequest(name);
  await app.user.click(within(card).getByRole("checkbox", { name: `Select ${name}` }));
}

describe("approvals: bulk actions", () => {
  it("acts only on requests that are selected and shown", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    await app.harness.simulator.run("role-upgrade");
    await app.harness.simulator.run("metadata-change");
    await select(app, "Ada's iPhone");
    await select(app, "Studio Mac");

    await app.user.selectOptions(screen.getByRole("combobox", { name: "Kind" }), "role-upgrade");
    expect(requestNames()).toEqual(["Studio Mac"]);
    const bar = screen.getByRole("group", { name: "Selected requests" });
    expect(bar).toHaveTextContent("1 selected (1 more hidden by filters, not included)");

    await app.user.click(within(bar).getByRole("button", { name: "Approve selected" }));
    // A node role: only an operator.admin session may approve it.
    await reconnectWith(app, "operator.admin");
    const again = screen.getByRole("group", { name: "Selected requests" });
    expect(again).toHaveTextContent("1 selected (1 more hidden by filters, not included)");
    await app.user.click(within(again).getByRole("button", { name: "Approve selected" }));

    await waitFor(() => expect(pendingNames(app)).toEqual(["Ada's iPhone", "Desk"]));
    expect(await screen.findByText("“Studio Mac” approved here.")).toBeVisible();
  });

  it("confirms a bulk approval that includes operator.admin, without sweeping in newcomers", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    await app.harness.simulator.run("admin-request");
    await select(app, "Ada's iPhone");
    await select(app, "command-line tool");
    const bar = screen.getByRole("group", { name: "Selected requests" });
    await app.user.click(within(bar).getByRole("button", { name: "Approve selected" }));
    // operator.admin covers operator.write too: one scope to add for both.
    await reconnectWith(app, "operator.admin");
    await app.user.click(within(bar).getByRole("button", { name: "Approve selected" }));

    const dialog = await screen.findByRole("dialog", {
      name: "Approve 2 requests, 1 with full control?",
    });
    // A device asks while the admin reads the warning: it must not be approved with the rest.
    await app.harness.simulator.run("metadata-change");
    await findRequest("Desk");
    await app.user.click(
      within(dialog).getByRole("button", { name: "Approve 2, including full control" }),
    );

    await waitFor(() => expect(pendingNames(app)).toEqual(["Desk"]));
    expect(requestNames()).toEqual(["Desk"]);
  });

  it("rejects everything shown with 'Select all shown'", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    await app.harness.simulator.run("role-upgrade");
    await findRequest("Studio Mac");
    await findRequest("Ada's iPhone");
    await app.user.click(screen.getByRole("checkbox", { name: "Select all shown" }));
    await app.user.click(screen.getByRole("button", { name: "Reject selected" }));
    // A bulk rejection asks first, naming every device, with Cancel focused.
    const confirm = await screen.findByRole("dialog", { name: "Reject 2 requests?" });
    expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus();
    expect(within(confirm).getByText("Studio Mac")).toBeVisible();
    expect(within(confirm).getByText("Ada's iPhone")).toBeVisible();
    expect(pendingNames(app)).toHaveLength(2);
    await app.user.click(within(confirm).getByRole("button", { name: "Reject 2" }));
    await waitFor(() => expect(pendingNames(app)).toEqual([]));
    expect(await screen.findByText(/nothing is waiting for approval/i)).toBeVisible();
  });
});

describe("approvals: filters, search and sort", () => {
  async function threeRequests() {
    const view = await connectApp();
    const [phone] = await view.harness.simulator.run("phone-lan");
    await view.harness.simulator.run("role-upgrade");
    await view.harness.simulator.run("admin-request");
    await findRequest("command-line tool");
    return { view, phoneId: phone?.deviceId ?? "" };
  }

  it("filters by kind and client and sorts by age", async () => {
    const app = (await threeRequests()).view;
    expect(requestNames()).toEqual(["command-line tool", "Studio Mac", "Ada's iPhone"]);

    await app.user.selectOptions(screen.getByRole("combobox", { name: "Sort" }), "oldest");
    expect(requestNames()).toEqual(["Ada's iPhone", "Studio Mac", "command-line tool"]);

    await app.user.selectOptions(screen.getByRole("combobox", { name: "Kind" }), "new-device");
    expect(requestNames()).toEqual(["Ada's iPhone", "command-line tool"]);
    const client = screen.getByRole("combobox", { name: "Client" });
    await app.user.selectOptions(client, "command-line tool");
    expect(requestNames()).toEqual(["command-line tool"]);
    await app.user.selectOptions(client, "All clients");
    expect(requestNames()).toEqual(["Ada's iPhone", "command-line tool"]);
  });

  it("searches by name, IP, device id and fingerprint as shown, and says when nothing matches", async () => {
    const { view: app, phoneId } = await threeRequests();
    const search = screen.getByRole("searchbox", { name: "Search" });
    await app.user.type(search, "studio");
    expect(requestNames()).toEqual(["Studio Mac"]);
    await app.user.clear(search);
    await app.user.type(search, "1.60");
    expect(requestNames()).toEqual(["command-line tool"]);
    await app.user.clear(search);
    await app.user.type(search, phoneId.slice(0, 10));
    expect(requestNames()).toEqual(["Ada's iPhone"]);
    // The fingerprint as a card shows it, in groups of four.
    const shown = within(await findRequest("Ada's iPhone")).getAllByText(
      /^[0-9a-f]{4} [0-9a-f]{4}/,
    )[0];
    await app.user.clear(search);
    await app.user.type(search, shown?.textContent?.slice(0, 9) ?? "missing");
    expect(requestNames()).toEqual(["Ada's iPhone"]);

    await app.user.clear(search);
    await app.user.type(search, "zzz");
    expect(requestNames()).toEqual([]);
    expect(screen.getByText(/none of the 3 waiting requests match/i)).toBeVisible();
    await app.user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(requestNames()).toHaveLength(3);
  });
});
