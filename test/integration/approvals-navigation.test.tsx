import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  findRequest,
  lastRequestId,
  reconnectWith,
  connectApp,
  requestNames,
} from "../support/app-harness";

describe("approvals: each request has its own address", () => {
  it("opens a deep link's details with the raw ids and full scope lists", async () => {
    const { harness, deps, unmount } = await connectApp();
    const id = lastRequestId(await harness.simulator.run("phone-lan"));
    deps.connection.disconnect();
    unmount();

    // A fresh page load straight onto the request's address.
    const app = await connectApp({ harness, path: `/requests/${id}` });
    const dialog = await screen.findByRole("dialog", { name: "Request from “Ada's iPhone”" });
    const pending = app.harness.gateway.list().pending[0];
    expect(within(dialog).getByText(id)).toBeVisible();
    expect(within(dialog).getByText(pending?.deviceId ?? "?")).toBeVisible();
    expect(within(dialog).getByText("operator.read, operator.write")).toBeVisible();
    expect(within(dialog).getByText("none (not paired)")).toBeVisible();

    await app.user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(window.location.pathname).toBe("/");
  });

  it("says when a linked request is gone, with a way back", async () => {
    const app = await connectApp({ path: "/requests/0b7e0d3e-gone" });
    const dialog = await screen.findByRole("dialog", { name: "Request not found" });
    expect(dialog).toHaveTextContent("This request was already handled or has expired");
    await app.user.click(within(dialog).getByRole("link", { name: "Back to pending requests" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(window.location.pathname).toBe("/");
  });

  it("moves an open link to the device's newest request when it asks again", async () => {
    const app = await connectApp();
    const [phone] = await app.harness.simulator.run("phone-lan");
    if (!phone?.requestId) throw new Error("no phone request");
    const card = await findRequest("Ada's iPhone");
    await app.user.click(within(card).getByRole("link", { name: "Details" }));
    expect(window.location.pathname).toBe(`/requests/${phone.requestId}`);

    await app.harness.simulator.connect({
      ...phone.spec,
      scopes: [...phone.spec.scopes, "operator.approvals"],
    });

    const newest = await waitFor(() => {
      const id = lastRequestId(app.harness.gateway.list().pending ?? []);
      expect(window.location.pathname).toBe(`/requests/${id}`);
      return id;
    });
    const dialog = screen.getByRole("dialog", { name: "Request from “Ada's iPhone”" });
    expect(within(dialog).getByText(newest)).toBeVisible();
  });
});

describe("approvals: keyboard", () => {
  it("moves with j/k, opens details with Enter, approves with a and rejects with r", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    await app.harness.simulator.run("role-upgrade");
    await app.harness.simulator.run("metadata-change");
    await findRequest("Desk");
    expect(requestNames()).toEqual(["Desk", "Studio Mac", "Ada's iPhone"]);

    // The first j lands on the first request, not the second.
    await app.user.keyboard("j");
    expect(screen.getByRole("article", { name: "Desk" })).toHaveFocus();
    await app.user.keyboard("j");
    expect(screen.getByRole("article", { name: "Studio Mac" })).toHaveFocus();
    await app.user.keyboard("k");
    expect(screen.getByRole("article", { name: "Desk" })).toHaveFocus();

    await app.user.keyboard("{Enter}");
    expect(await screen.findByRole("dialog", { name: "Request from “Desk”" })).toBeVisible();
    await app.user.keyboard("{Escape}");
    // Closing the dialog hands focus back to the request; shortcuts act on the focused one.
    await waitFor(() => expect(screen.getByRole("article", { name: "Desk" })).toHaveFocus());

    await app.user.keyboard("r");
    const confirm = await screen.findByRole("dialog", { name: "Reject “Desk”?" });
    await app.user.click(within(confirm).getByRole("button", { name: "Reject" }));
    expect(await screen.findByText("“Desk” rejected here.")).toBeVisible();
    // Focus moves to the request that took its place, never to the page body.
    await waitFor(() => expect(screen.getByRole("article", { name: "Studio Mac" })).toHaveFocus());
    await app.user.keyboard("j");
    expect(screen.getByRole("article", { name: "Ada's iPhone" })).toHaveFocus();
    await app.user.keyboard("a");
    await reconnectWith(app, "operator.write");
    expect(screen.getByRole("article", { name: "Ada's iPhone" })).toHaveFocus();
    await app.user.keyboard("a");
    expect(await screen.findByText("“Ada's iPhone” approved here.")).toBeVisible();
    expect(requestNames()).toEqual(["Studio Mac"]);
    // The last one decided: focus goes back to the one before it.
    await waitFor(() => expect(screen.getByRole("article", { name: "Studio Mac" })).toHaveFocus());
  });

  it("lists the shortcuts with ? and leaves typing alone", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    await findRequest("Ada's iPhone");

    const search = screen.getByRole("searchbox", { name: "Search" });
    await app.user.type(search, "ar?");
    expect(search).toHaveValue("ar?");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(app.harness.gateway.list().pending).toHaveLength(1);

    await app.user.clear(search);
    search.blur();
    await app.user.keyboard("?");
    // The dialog's code may still be on its way: it loads after the first screen.
    const help = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    expect(within(help).getByText("Approve the current request")).toBeVisible();
    await app.user.click(within(help).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});
