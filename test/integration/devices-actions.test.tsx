import { GatewayProtocolRequestError } from "@openclaw/gateway-client/browser";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ERROR_CODES, METHODS, OPERATOR_SCOPES, ROLES } from "../../src/protocol";
import {
  claimingScopes,
  findDevice,
  loopbackDevice,
  pairSilently,
  connectDevicesScreen,
  type ConnectedApp,
} from "../support/app-harness";

const activity = () => screen.getByRole("status", { name: "Device activity" });

function pairedInGateway(app: ConnectedApp, name: string) {
  return app.harness.gateway
    .list()
    .paired.find((device) => device.operatorLabel === name || device.displayName === name);
}

async function withCron(options: Parameters<typeof connectDevicesScreen>[0] = {}) {
  const app = await connectDevicesScreen({
    ...options,
    before: async (harness) => {
      await pairSilently(harness, loopbackDevice("cron"));
    },
  });
  return { app, card: await findDevice("cron") };
}

describe("devices: actions that succeed", () => {
  it("renames a device: the label shows at once and wins over the reported name", async () => {
    const { app, card } = await withCron();
    // Hold the gateway's answer, to see the list change before it comes.
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const original = app.deps.connection.request.bind(app.deps.connection);
    vi.spyOn(app.deps.connection, "request").mockImplementation(async (method, params, options) => {
      if (method === METHODS.pairRename) await answered;
      return original(method, params, options);
    });
    await app.user.click(within(card).getByRole("button", { name: "Rename" }));
    const dialog = screen.getByRole("dialog", { name: "Rename “cron”" });
    const field = within(dialog).getByRole("textbox", { name: "New name" });
    expect(field).toHaveFocus();
    await app.user.clear(field);
    await app.user.type(field, "  Nightly backups  ");
    await app.user.click(within(dialog).getByRole("button", { name: "Save name" }));

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    const renamed = await findDevice("Nightly backups");
    expect(within(renamed).getByRole("definition", { name: "Calls itself" })).toHaveTextContent(
      "cron",
    );
    expect(pairedInGateway(app, "cron")?.operatorLabel).toBeUndefined();
    answer();
    expect(
      await within(activity()).findByText("Renamed “cron” to “Nightly backups”."),
    ).toBeVisible();
    expect(pairedInGateway(app, "Nightly backups")?.operatorLabel).toBe("Nightly backups");
  });

  it("removes a device after a confirmation that Escape cancels", async () => {
    const { app, card } = await withCron();
    const remove = within(card).getByRole("button", { name: "Remove" });
    await app.user.click(remove);
    const dialog = screen.getByRole("dialog", { name: "Remove “cron”?" });
    expect(within(dialog).getByText(/cannot be undone/)).toBeVisible();
    // Focus starts on the safe choice.
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();

    await app.user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(remove).toHaveFocus();
    expect(pairedInGateway(app, "cron")).toBeDefined();

    await app.user.click(remove);
    await app.user.click(screen.getByRole("button", { name: "Remove device" }));
    expect(screen.queryByRole("article", { name: "cron" })).not.toBeInTheDocument();
    expect(await within(activity()).findByText("Removed “cron”.")).toBeVisible();
    expect(pairedInGateway(app, "cron")).toBeUndefined();
    expect(screen.getByRole("heading", { name: "Devices" })).toHaveFocus();
  });

  it("rotates and revokes a token, showing when", async () => {
    const { app, card } = await withCron();
    await app.user.click(within(card).getByRole("button", { name: "Rotate operator token" }));
    await app.user.click(
      within(
        screen.getByRole("dialog", { name: "Rotate the operator token of “cron”?" }),
      ).getByRole("button", { name: "Rotate token" }),
    );
    const tokens = within(card).getByRole("list", { name: "Tokens" });
    expect(within(tokens).getByText(/Rotated/)).toHaveTextContent("Rotated now");
    expect(
      await within(activity()).findByText("Rotated the operator token of “cron”."),
    ).toBeVisible();
    await waitFor(() =>
      expect(pairedInGateway(app, "cron")?.tokens?.[0]?.rotatedAtMs).toEqual(expect.any(Number)),
    );

    await app.user.click(within(card).getByRole("button", { name: "Revoke operator token" }));
    await app.user.click(screen.getByRole("button", { name: "Revoke token" }));
    expect(within(tokens).getByText(/^Revoked/)).toHaveTextContent("Revoked now");
    expect(within(tokens).queryByRole("button", { name: "Revoke operator token" })).toBeNull();
    expect(
      await within(activity()).findByText("Revoked the operator token of “cron”."),
    ).toBeVisible();
    expect(pairedInGateway(app, "cron")?.tokens?.[0]?.revokedAtMs).toEqual(expect.any(Number));
  });
});

describe("devices: this browser", () => {
  it("is marked, and removing it warns that this session ends, then pairs anew", async () => {
    const app = await connectDevicesScreen();
    const self = await findDevice("Pairdesk");
    expect(within(self).getByText("This browser")).toBeVisible();
    await app.user.click(within(self).getByRole("button", { name: "Remove" }));
    const dialog = await screen.findByRole("dialog", { name: /^Remove/ });
    expect(within(dialog).getByRole("note")).toHaveTextContent(
      /This is this browser\..*so this session ends; Pairdesk then connects again as a new device/,
    );
    const before = app.harness.gateway
      .list()
      .paired.find((d) => d.clientId === "openclaw-control-ui");
    await app.user.click(within(dialog).getByRole("button", { name: "Remove device" }));
    // The gateway closes the socket (4001 "device removed"); loopback pairs this browser again.
    await waitFor(() => {
      const again = app.harness.gateway
        .list()
        .paired.find((d) => d.clientId === "openclaw-control-ui");
      expect(again?.createdAtMs).toBeGreaterThan(before?.createdAtMs ?? Infinity);
    });
    await waitFor(() => expect(app.deps.connection.status.kind).toBe("connected"));
  });
});

describe("devices: actions the admin's scopes do not allow", () => {
  it("say the scope they need, and offer the same reconnect as Approve", async () => {
    const app = await connectDevicesScreen({
      before: async (harness) => {
        await pairSilently(
          harness,
          loopbackDevice("node", {
            client: { id: "node-host", mode: "node", platform: "linux", displayName: "node" },
            role: ROLES.node,
            scopes: [],
          }),
        );
        await pairSilently(
          harness,
          loopbackDevice("writer", { scopes: [OPERATOR_SCOPES.read, OPERATOR_SCOPES.write] }),
        );
      },
    });
    // This browser holds operator.read and operator.pairing only.
    const node = await findDevice("node");
    for (const name of ["Rotate node token", "Revoke node token"]) {
      expect(within(node).getByRole("button", { name })).toHaveAccessibleDescription(
        "Needs operator.admin",
      );
    }
    expect(within(node).getByRole("button", { name: "Rename" })).not.toHaveAccessibleDescription();

    // A token broader than this session's scopes needs them for rotate and revoke alike
    // (measured: the gateway refuses both).
    const writer = await findDevice("writer");
    for (const name of ["Rotate operator token", "Revoke operator token"]) {
      expect(within(writer).getByRole("button", { name })).toHaveAccessibleDescription(
        "Needs operator.write",
      );
    }
    const request = vi.spyOn(app.deps.connection, "request");
    await app.user.click(within(writer).getByRole("button", { name: "Revoke operator token" }));
    const dialog = await screen.findByRole("dialog", { name: "Reconnect to revoke “writer”?" });
    expect(dialog).toHaveTextContent(
      "This session holds operator.read, operator.pairing; it needs operator.write.",
    );
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await app.user.click(
      within(dialog).getByRole("button", { name: "Reconnect with operator.write" }),
    );
    await waitFor(() => expect(app.deps.connection.scopes).toContain(OPERATOR_SCOPES.write));
    expect(request.mock.calls.map(([method]) => method)).not.toContain(METHODS.tokenRevoke);

    await app.user.click(
      within(await findDevice("writer")).getByRole("button", { name: "Revoke operator token" }),
    );
    await app.user.click(screen.getByRole("button", { name: "Revoke token" }));
    expect(
      await within(activity()).findByText("Revoked the operator token of “writer”."),
    ).toBeVisible();
  });
});

describe("devices: refusals roll back", () => {
  it("puts the token back when the gateway refuses for a missing scope", async () => {
    const app = await connectDevicesScreen({
      // The screen believes it holds operator.admin; the socket does not, so the gateway refuses.
      wrapConnection: (real) =>
        claimingScopes(real, [
          OPERATOR_SCOPES.read,
          OPERATOR_SCOPES.pairing,
          OPERATOR_SCOPES.admin,
        ]),
      before: async (harness) => {
        await pairSilently(
          harness,
          loopbackDevice("node", {
            client: { id: "node-host", mode: "node", platform: "linux", displayName: "node" },
            role: ROLES.node,
            scopes: [],
          }),
        );
      },
    });
    const card = await findDevice("node");
    await app.user.click(within(card).getByRole("button", { name: "Revoke node token" }));
    await app.user.click(screen.getByRole("button", { name: "Revoke token" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not revoke the node token of “node”: the gateway denied it (another role's token, or a token broader than this session's scopes, needs operator.admin). Nothing was changed.",
    );
    const tokens = within(card).getByRole("list", { name: "Tokens" });
    expect(within(tokens).getByText("Active")).toBeVisible();
    expect(within(tokens).getByRole("button", { name: "Revoke node token" })).toBeEnabled();
    expect(pairedInGateway(app, "node")?.tokens?.[0]?.revokedAtMs).toBeUndefined();
  });

  it("puts the old name back when a rename is refused", async () => {
    const { app, card } = await withCron();
    const original = app.deps.connection.request.bind(app.deps.connection);
    vi.spyOn(app.deps.connection, "request").mockImplementation((method, params, options) =>
      method === METHODS.pairRename
        ? Promise.reject(
            new GatewayProtocolRequestError({
              code: ERROR_CODES.invalidRequest,
              message: "label too long",
            }),
          )
        : original(method, params, options),
    );
    await app.user.click(within(card).getByRole("button", { name: "Rename" }));
    await app.user.type(screen.getByRole("textbox", { name: "New name" }), " 2");
    await app.user.click(screen.getByRole("button", { name: "Save name" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not rename “cron”: label too long. Nothing was changed.",
    );
    expect(await findDevice("cron")).toBeVisible();
    expect(screen.queryByRole("article", { name: "cron 2" })).not.toBeInTheDocument();
  });
});
