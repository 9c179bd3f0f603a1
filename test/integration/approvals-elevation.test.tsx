import { GatewayProtocolRequestError } from "@openclaw/gateway-client/browser";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ERROR_CODES, METHODS, OPERATOR_SCOPES } from "../../src/protocol";
import { findRequest, otherAdmin, reconnectWith, connectApp } from "../support/app-harness";

// The real gateway lets an approver grant only scopes it holds. Pairdesk connects with
// operator.read + operator.pairing, so approving more asks to widen the session first.

const BASE = [OPERATOR_SCOPES.read, OPERATOR_SCOPES.pairing];
const approvals = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter(([method]) => method === METHODS.pairApprove);

describe("approvals: scopes this session lacks", () => {
  it("explains the rule, and Cancel sends nothing and keeps the session as it was", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    const card = await findRequest("Ada's iPhone");
    expect(within(card).getByText("Needs operator.write")).toBeVisible();
    const approve = within(card).getByRole("button", { name: "Approve" });
    expect(approve).toHaveAccessibleDescription(/Needs operator\.write/);
    const request = vi.spyOn(app.deps.connection, "request");

    await app.user.click(approve);
    const dialog = await screen.findByRole("dialog", {
      name: "Reconnect to approve “Ada's iPhone”?",
    });
    expect(dialog).toHaveTextContent(
      "The gateway only lets a session do this with scopes it holds. This session holds operator.read, operator.pairing; it needs operator.write.",
    );
    // Said before widening: what stays on the gateway, and the one way back (measured, #14).
    expect(dialog).toHaveTextContent(
      "The gateway keeps operator.write on this browser's device record: disconnecting does not take it back, and neither does rotating the token to fewer scopes",
    );
    expect(dialog).toHaveTextContent(
      "The only way back is to remove this browser's pairing and connect again with the least scopes: this gateway pairs that at once",
    );
    expect(dialog).not.toHaveTextContent(/until you disconnect|this tab only/);
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    expect(
      within(dialog).getByRole("button", { name: "Reconnect with operator.write" }),
    ).toBeVisible();

    await app.user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(approve).toHaveFocus();
    expect(approvals(request)).toEqual([]);
    expect(app.deps.connection.scopes).toEqual(BASE);
    expect(app.harness.gateway.list().pending).toHaveLength(1);
  });

  it("reconnects with exactly the missing scope, then approves; the device holds it", async () => {
    const app = await connectApp();
    const [phone] = await app.harness.simulator.run("phone-lan");
    await app.user.click(
      within(await findRequest("Ada's iPhone")).getByRole("button", { name: "Approve" }),
    );
    await reconnectWith(app, OPERATOR_SCOPES.write);
    // Never operator.admin unless that is what is granted.
    expect(app.deps.connection.scopes).not.toContain(OPERATOR_SCOPES.admin);

    await app.user.click(
      within(await findRequest("Ada's iPhone")).getByRole("button", { name: "Approve" }),
    );
    expect(await screen.findByText("“Ada's iPhone” approved here.")).toBeVisible();
    const device = app.harness.gateway
      .list()
      .paired.find((paired) => paired.deviceId === phone?.deviceId);
    expect(device?.scopes).toEqual(expect.arrayContaining([OPERATOR_SCOPES.write]));
  });

  it("asks once for a bulk approval, naming what each request needs", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    await app.harness.simulator.run("role-upgrade");
    await findRequest("Studio Mac");
    await findRequest("Ada's iPhone");
    await app.user.click(screen.getByRole("checkbox", { name: "Select all shown" }));
    await app.user.click(screen.getByRole("button", { name: "Approve selected" }));

    const dialog = await screen.findByRole("dialog", { name: "Reconnect to approve 2 requests?" });
    expect(within(dialog).getByText("needs operator.write")).toBeVisible();
    expect(within(dialog).getByText("needs operator.admin")).toBeVisible();
    expect(dialog).toHaveTextContent("may approve a role other than operator");
    await reconnectWith(app, OPERATOR_SCOPES.admin);

    await app.user.click(screen.getByRole("button", { name: "Approve selected" }));
    await waitFor(() => expect(app.harness.gateway.list().pending).toEqual([]));
  });

  it("asks the least again after a disconnect; the record keeps write until this browser re-pairs", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    await app.user.click(
      within(await findRequest("Ada's iPhone")).getByRole("button", { name: "Approve" }),
    );
    await reconnectWith(app, OPERATOR_SCOPES.write);

    await app.user.click(screen.getByRole("button", { name: "Disconnect" }));
    app.deps.connection.connect({
      url: app.harness.url,
      secret: app.harness.token,
      secretKind: "token",
      remember: false,
    });
    await waitFor(() => expect(app.deps.connection.status.kind).toBe("connected"));
    expect(app.deps.connection.scopes).toEqual(BASE);
    expect(
      within(await findRequest("Ada's iPhone")).getByText("Needs operator.write"),
    ).toBeVisible();

    // The gateway kept write on this browser's record: the header says so and offers the way back.
    const standing = await screen.findByText(/^This browser stays approved for /);
    expect(standing).toHaveTextContent(
      "This browser stays approved for operator.read, operator.pairing, operator.write.",
    );
    await app.user.click(screen.getByRole("button", { name: "Return to least privilege" }));
    const back = await screen.findByRole("dialog", {
      name: "Return this browser to least privilege?",
    });
    expect(back).toHaveTextContent(/the session closes \(4001 “device removed”\)/);
    await app.user.click(
      within(back).getByRole("button", { name: "Remove this browser's pairing and reconnect" }),
    );
    await waitFor(() => expect(standing).not.toBeInTheDocument());
    await waitFor(() => expect(app.deps.connection.status.kind).toBe("connected"));
    const own = app.harness.gateway
      .list()
      .paired.filter((device) => device.clientId === "openclaw-control-ui");
    expect(own.map((device) => device.scopes)).toEqual([BASE]);
  });

  it("shows a 'device pairing approval denied' refusal when the request is still there", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    await app.user.click(
      within(await findRequest("Ada's iPhone")).getByRole("button", { name: "Approve" }),
    );
    await reconnectWith(app, OPERATOR_SCOPES.write);
    const original = app.deps.connection.request.bind(app.deps.connection);
    vi.spyOn(app.deps.connection, "request").mockImplementation((method, params, options) =>
      method === METHODS.pairApprove
        ? Promise.reject(
            new GatewayProtocolRequestError({
              code: ERROR_CODES.invalidRequest,
              message: "device pairing approval denied",
            }),
          )
        : original(method, params, options),
    );

    await app.user.click(
      within(await findRequest("Ada's iPhone")).getByRole("button", { name: "Approve" }),
    );
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not approve “Ada's iPhone”: device pairing approval denied. It is back in the list.",
    );
    expect(await findRequest("Ada's iPhone")).toBeVisible();
  });
});

describe("approvals: renames and where a request comes from", () => {
  it("follows another admin's rename (device.pair.changed), preferring operatorLabel", async () => {
    const app = await connectApp();
    const results = await app.harness.simulator.run("phone-scope-upgrade");
    await findRequest("Ada's iPhone");
    const admin = await otherAdmin(app.harness);
    await admin.rename(results.at(-1)?.deviceId ?? "", "Ada's work phone");

    expect(await findRequest("Ada's work phone")).toBeVisible();
    expect(screen.queryByRole("article", { name: "Ada's iPhone" })).not.toBeInTheDocument();
    admin.close();
  });

  it("shows the address only when the gateway recorded one", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    const card = await findRequest("Ada's iPhone");
    expect(within(card).getByText("Address")).toBeVisible();
    expect(within(card).getByText("192.168.1.20")).toBeVisible();

    // A loopback peer's request carries no address (observed): no row at all.
    await app.harness.simulator.run("seed-reproduction");
    const cron = await findRequest(/cron/i);
    expect(within(cron).queryByText("Address")).not.toBeInTheDocument();
  });

  it("shows a role upgrade that asks no scopes as keeping the approved ones", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("role-upgrade");
    const card = await findRequest("Studio Mac");
    // No scope is asked: the card says so, and shows the held ones as kept, not as asked.
    expect(within(card).getByText("No scopes asked.")).toBeVisible();
    expect(within(card).queryByRole("list", { name: "Scopes added" })).not.toBeInTheDocument();
    const kept = within(card).getByRole("list", { name: "Held, not asked: kept" });
    expect(within(kept).getByText("operator.read")).toBeVisible();

    await app.user.click(within(card).getByRole("link", { name: "Details" }));
    const details = await screen.findByRole("dialog", { name: "Request from “Studio Mac”" });
    // role + roles name the same role once, not "node, node".
    expect(within(details).getByText("node (new)")).toBeVisible();
    expect(within(details).queryByText(/node, node/)).not.toBeInTheDocument();
  });
});
