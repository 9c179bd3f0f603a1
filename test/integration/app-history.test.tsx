import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { findRequest, otherAdmin, connectApp, requestNames } from "../support/app-harness";

// The whole app: the history log's code loads after the first screen (the recorder keeps what
// arrives meanwhile) and with the history screen. What happened on the approvals screen must
// be on the history screen.

function historyRows(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent ?? "")
        .join(" | "),
    );
}

describe("the app's history log", () => {
  it("shows the requests and decisions seen on the approvals screen", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    const card = await findRequest("Ada's iPhone");
    const admin = await otherAdmin(app.harness);
    await admin.reject(card.getAttribute("data-request-id") ?? "");
    await waitFor(() => expect(requestNames()).toEqual([]));
    admin.close();

    await app.user.click(screen.getByRole("link", { name: "History" }));
    const table = await screen.findByRole("table");
    await waitFor(() =>
      expect(historyRows(table)).toEqual([
        expect.stringMatching(/\| Rejected \(operator\) \| Ada's iPhone.*\| Another admin$/),
        // The other admin's CLI, paired silently from loopback as it connected.
        expect.stringMatching(/\| Approved \| .*\| Automatically$/),
        expect.stringMatching(/\| Pairing requested \(operator\) \| Ada's iPhone/),
      ]),
    );
  });
});
