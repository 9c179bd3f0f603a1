import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { OPERATOR_SCOPES } from "../../src/protocol";
import {
  askFromLan,
  findDevice,
  loopbackDevice,
  otherAdmin,
  pairSilently,
  connectDevicesScreen,
} from "../support/app-harness";

function fact(card: HTMLElement, term: string): HTMLElement {
  return within(card).getByRole("definition", { name: term });
}

describe("devices: the list", () => {
  it("shows each paired device in plain words, with its tokens", async () => {
    await connectDevicesScreen({
      before: async (harness) => {
        await pairSilently(
          harness,
          loopbackDevice("cron", {
            displayName: "nightly cron",
            scopes: [OPERATOR_SCOPES.read, OPERATOR_SCOPES.admin],
          }),
        );
      },
    });
    const card = await findDevice("nightly cron");
    expect(fact(card, "Client")).toHaveTextContent("node host (cron scheduler)");
    expect(fact(card, "Platform")).toHaveTextContent("linux");
    expect(fact(card, "Roles")).toHaveTextContent("operator");
    expect(fact(card, "Approved")).toHaveTextContent("automatically on this host");
    expect(within(card).getByText("Not connected")).toBeVisible();
    const scopes = within(card).getByRole("list", { name: "Approved scopes of nightly cron" });
    expect(
      within(scopes)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["operator.read", "operator.admin (dangerous)"]);
    const tokens = within(card).getByRole("list", { name: "Tokens" });
    const [token] = within(tokens).getAllByRole("listitem");
    expect(token).toHaveTextContent(/^operator token Active/);
    expect(within(tokens).getByText("Active")).toBeVisible();
    expect(within(tokens).getByText(/^Created/)).toHaveTextContent("Created now");
    // This browser is a paired device too: the Control UI, approved silently on loopback.
    expect(await findDevice("Pairdesk")).toHaveTextContent("Connected now");
  });

  it("says how an admin-approved device was approved, and prefers the admin's label", async () => {
    await connectDevicesScreen({
      before: async (harness) => {
        const { requestId, deviceId } = await askFromLan(harness, "phone", "Ada's iPhone");
        const admin = await otherAdmin(harness);
        await admin.approve(requestId);
        await admin.rename(deviceId, "Front desk phone");
        admin.close();
      },
    });
    const card = await findDevice("Front desk phone");
    expect(fact(card, "Approved")).toHaveTextContent("by an admin");
    expect(fact(card, "Calls itself")).toHaveTextContent("Ada's iPhone");
    expect(fact(card, "Client")).toHaveTextContent("iPhone / iPad app");
    expect(fact(card, "Platform")).toHaveTextContent("ios · iPhone");
  });

  it("shows the exact time on hover and on keyboard focus", async () => {
    const app = await connectDevicesScreen({
      before: (harness) => pairSilently(harness, loopbackDevice("cron")).then(() => undefined),
    });
    const card = await findDevice("cron");
    const created = within(fact(card, "Created")).getByText("now");
    const year = String(new Date().getFullYear());
    expect(created).toHaveAccessibleDescription(expect.stringContaining(year));
    expect(within(card).queryByRole("tooltip")).not.toBeInTheDocument();

    await app.user.hover(created);
    expect(within(card).getByRole("tooltip")).toHaveTextContent(year);
    await app.user.unhover(created);
    expect(within(card).queryByRole("tooltip")).not.toBeInTheDocument();

    created.focus();
    expect(await within(card).findByRole("tooltip")).toHaveTextContent(year);
    await app.user.keyboard("{Escape}");
    expect(within(card).queryByRole("tooltip")).not.toBeInTheDocument();
  });
});
