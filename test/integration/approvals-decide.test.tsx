import { GatewayProtocolRequestError } from "@openclaw/gateway-client/browser";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ERROR_CODES, METHODS } from "../../src/protocol";
import {
  findRequest,
  lastRequestId,
  otherAdmin,
  reconnectWith,
  connectApp,
} from "../support/app-harness";

const activity = () => screen.getByRole("list", { name: "Recent activity" });

describe("approvals: deciding one request", () => {
  it("approves a scope upgrade: it leaves the list and the device holds the new scopes", async () => {
    const app = await connectApp();
    const results = await app.harness.simulator.run("phone-scope-upgrade");
    const card = await findRequest("Ada's iPhone");
    expect(within(card).getByText("Scope upgrade")).toBeInTheDocument();
    const added = within(card).getByRole("list", { name: "Scopes added" });
    expect(within(added).getByText("operator.approvals")).toBeVisible();
    // This session holds operator.read + operator.pairing: the gateway would refuse the grant.
    expect(within(card).getByText("Needs operator.write, operator.approvals")).toBeVisible();
    const request = vi.spyOn(app.deps.connection, "request");

    await app.user.click(within(card).getByRole("button", { name: "Approve" }));
    await reconnectWith(app, "operator.write, operator.approvals");
    expect(request.mock.calls.filter(([method]) => method === METHODS.pairApprove)).toEqual([]);

    const again = await findRequest("Ada's iPhone");
    expect(within(again).queryByText(/^Needs /)).not.toBeInTheDocument();
    await app.user.click(within(again).getByRole("button", { name: "Approve" }));

    expect(await within(activity()).findByText("“Ada's iPhone” approved here.")).toBeVisible();
    expect(screen.queryByRole("article", { name: "Ada's iPhone" })).not.toBeInTheDocument();
    const device = app.harness.gateway
      .list()
      .paired.find((paired) => paired.deviceId === results.at(-1)?.deviceId);
    expect(device?.scopes).toEqual(expect.arrayContaining(["operator.approvals"]));
  });

  it("rejects a request", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    const card = await findRequest("Ada's iPhone");
    await app.user.click(within(card).getByRole("button", { name: "Reject" }));
    const confirm = await screen.findByRole("dialog", { name: "Reject “Ada's iPhone”?" });
    expect(confirm).toHaveTextContent("a device that asks again files a new one");
    expect(app.harness.gateway.list().pending).toHaveLength(1);
    await app.user.click(within(confirm).getByRole("button", { name: "Reject" }));
    expect(await within(activity()).findByText("“Ada's iPhone” rejected here.")).toBeVisible();
    expect(app.harness.gateway.list().pending).toEqual([]);
    expect(await screen.findByText(/nothing is waiting for approval/i)).toBeVisible();
  });

  it("sends one decision for a double click", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    await app.user.click(
      within(await findRequest("Ada's iPhone")).getByRole("button", { name: "Approve" }),
    );
    await reconnectWith(app, "operator.write");
    const card = await findRequest("Ada's iPhone");
    const request = vi.spyOn(app.deps.connection, "request");
    await app.user.dblClick(within(card).getByRole("button", { name: "Approve" }));
    await within(activity()).findByText("“Ada's iPhone” approved here.");
    const approvals = request.mock.calls.filter(([method]) => method === METHODS.pairApprove);
    expect(approvals).toHaveLength(1);
  });

  it("rolls a refused approval back with the gateway's reason", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    await app.user.click(
      within(await findRequest("Ada's iPhone")).getByRole("button", { name: "Approve" }),
    );
    await reconnectWith(app, "operator.write");
    const card = await findRequest("Ada's iPhone");
    const original = app.deps.connection.request.bind(app.deps.connection);
    vi.spyOn(app.deps.connection, "request").mockImplementation((method, params, options) =>
      method === METHODS.pairApprove
        ? Promise.reject(
            new GatewayProtocolRequestError({
              code: ERROR_CODES.forbidden,
              message: "missing scope: operator.pairing",
            }),
          )
        : original(method, params, options),
    );

    await app.user.click(within(card).getByRole("button", { name: "Approve" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not approve “Ada's iPhone”: missing scope: operator.pairing. It is back in the list.",
    );
    expect(await findRequest("Ada's iPhone")).toBeVisible();
    expect(app.harness.gateway.list().pending).toHaveLength(1);
  });

  it("says 'already handled' when another admin approved it first", async () => {
    const app = await connectApp();
    const requestId = lastRequestId(await app.harness.simulator.run("phone-lan"));
    await app.user.click(
      within(await findRequest("Ada's iPhone")).getByRole("button", { name: "Approve" }),
    );
    await reconnectWith(app, "operator.write");
    const card = await findRequest("Ada's iPhone");
    const admin = await otherAdmin(app.harness);
    const original = app.deps.connection.request.bind(app.deps.connection);
    // The other admin wins the race: their approve lands just before ours.
    vi.spyOn(app.deps.connection, "request").mockImplementation(async (method, params, options) => {
      if (method === METHODS.pairApprove) await admin.approve(requestId);
      return original(method, params, options);
    });

    await app.user.click(within(card).getByRole("button", { name: "Approve" }));

    expect(
      await within(activity()).findByText(
        "“Ada's iPhone” was already handled or has expired; the list was re-read.",
      ),
    ).toBeVisible();
    expect(screen.queryByRole("alert")).toBeEmptyDOMElement();
    expect(screen.queryByRole("article", { name: "Ada's iPhone" })).not.toBeInTheDocument();
    admin.close();
  });

  it("notes a request another admin approved while we watched", async () => {
    const app = await connectApp();
    const requestId = lastRequestId(await app.harness.simulator.run("phone-lan"));
    await findRequest("Ada's iPhone");
    const admin = await otherAdmin(app.harness);
    await admin.approve(requestId);
    expect(await within(activity()).findByText("“Ada's iPhone” approved elsewhere.")).toBeVisible();
    expect(screen.queryByRole("article", { name: "Ada's iPhone" })).not.toBeInTheDocument();
    admin.close();
  });
});

describe("approvals: operator.admin asks first", () => {
  it("cancels with Escape and returns focus; confirms with 'Approve full control'", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("admin-request");
    expect(
      within(await findRequest("command-line tool")).getByText("full control"),
    ).toBeInTheDocument();
    // Granting operator.admin needs operator.admin: first the session, then the confirmation.
    await app.user.click(
      within(await findRequest("command-line tool")).getByRole("button", { name: "Approve" }),
    );
    await reconnectWith(app, "operator.admin");
    const card = await findRequest("command-line tool");
    expect(within(card).queryByText(/^Needs /)).not.toBeInTheDocument();
    const approve = within(card).getByRole("button", { name: "Approve" });

    await app.user.click(approve);
    const dialog = await screen.findByRole("dialog", {
      name: "Give “command-line tool” full control?",
    });
    expect(dialog).toHaveTextContent("operator.admin");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();

    await app.user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(approve).toHaveFocus();
    expect(app.harness.gateway.list().pending).toHaveLength(1);

    await app.user.click(approve);
    await app.user.click(screen.getByRole("button", { name: "Approve full control" }));
    expect(await within(activity()).findByText("“command-line tool” approved here.")).toBeVisible();
    await waitFor(() => expect(app.harness.gateway.list().pending).toEqual([]));
    expect(screen.getByRole("heading", { name: /pending requests/i })).toHaveFocus();
  });
});
