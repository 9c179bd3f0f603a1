import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { OPERATOR_SCOPES } from "../../src/protocol";
import { connectApp } from "../support/app-harness";

// Setup codes on the Nodes screen against the mock gateway: operator.admin only, the code as
// text with its expiry, and the bootstrap credential gone from the page once expired.

function decode(code: string) {
  const text = Buffer.from(code, "base64url").toString("utf8");
  return JSON.parse(text) as { url: string; bootstrapToken: string; expiresAtMs: number };
}

describe("setup codes", () => {
  it("asks for operator.admin first, shows the gateway's refusal, then a code until it expires", async () => {
    const app = await connectApp({ path: "/nodes" });
    expect(await screen.findByText(/Creating a setup code needs operator\.admin/)).toBeVisible();
    await app.user.click(screen.getByRole("button", { name: "Ask for operator.admin" }));
    const dialog = await screen.findByRole("dialog", { name: "Reconnect with operator.admin?" });
    await app.user.click(within(dialog).getByRole("button", { name: /operator\.admin$/ }));
    await waitFor(() => expect(app.deps.connection.scopes).toContain(OPERATOR_SCOPES.admin));

    const create = await screen.findByRole("button", { name: "Create setup code" });
    await app.user.click(create);
    expect(
      await screen.findByText(/^The gateway refused: Gateway is only bound to loopback/),
    ).toBeVisible();

    const address = "ws://192.168.1.10:18789";
    await app.user.type(
      screen.getByRole("textbox", { name: /Address the device will use/ }),
      address,
    );
    await app.user.click(create);
    const shown = await screen.findByRole("region", { name: "Setup code" });
    const text = within(shown).getByRole<HTMLTextAreaElement>("textbox", {
      name: "Setup code text",
    });
    const payload = decode(text.value);
    expect(payload.url).toBe(address);
    expect(payload.expiresAtMs - Date.now()).toBeGreaterThan(590_000);
    expect(shown).toHaveTextContent(/Access: node .* expires in (10:00|9:5\d)/);
    // The credential stays on the page only: not in the address bar or any storage.
    expect(window.location.href).not.toContain(payload.bootstrapToken);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(
      payload.bootstrapToken,
    );

    app.clock.offsetMs = 601_000;
    expect(
      await screen.findByText("The setup code expired unused.", {}, { timeout: 3000 }),
    ).toBeVisible();
    expect(screen.queryByRole("region", { name: "Setup code" })).toBeNull();
    expect(document.body.innerHTML).not.toContain(text.value);
  });
});
