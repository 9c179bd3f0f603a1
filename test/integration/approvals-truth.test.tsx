import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { connectApp, findRequest, loopbackDevice, pairSilently } from "../support/app-harness";

// What a card says is what the request proves: the kind in the gateway's order, old → new
// values for a changed identity, and "does not record why" with the likely causes otherwise.

describe("approvals: what a request card claims", () => {
  it("a changed identity shows the old and new platform, and the cause as not recorded", async () => {
    const cron = loopbackDevice("cron", { displayName: "Nightly cron" });
    const app = await connectApp({
      before: (harness) => pairSilently(harness, cron).then(() => {}),
    });
    // Its device token only, now claiming macOS: the gateway parks it (measured, #14 §1).
    await app.harness.simulator.connect({
      ...cron,
      client: { ...cron.client, platform: "darwin" },
      auth: "device-token",
    });

    const card = await findRequest("Nightly cron");
    expect(within(card).getByText("Changed identity")).toBeVisible();
    expect(within(card).getByText(/^linux( · \w+)? → (darwin|macos)/)).toBeVisible();
    expect(
      within(card).getByText(/^The gateway does not record why\. Most likely its platform/),
    ).toBeVisible();

    await app.user.click(within(card).getByRole("link", { name: "Details" }));
    const details = await screen.findByRole("dialog");
    // Every cause its rules allow for this client, each with how to check and fix it.
    const causes = within(details)
      .getAllByRole("listitem")
      .filter((item) => /Check:/.test(item.textContent ?? ""));
    expect(causes.length).toBeGreaterThan(1);
    for (const cause of causes) expect(cause).toHaveTextContent(/Check:.*Fix:/);
  });
});
