import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { HistoryEntry } from "../../src/api/history-types";
import type * as HistoryWords from "../../src/features/history/history-words";
import type * as RelativeTime from "../../src/ui/relative-time";
import { connectApp } from "../support/app-harness";
import { hostilePending, pairedDevice, stateWith } from "./security-hostile-fixtures";

// A row, card or screen that fails to render says so in its place, with its id and a way to
// try again; the other rows, the header and the navigation keep working. The failure is made
// by the time formatter every card and the details view use, choking on one in-range time
// (the boundary checks let it through, as they would a future bug).

const poison = vi.hoisted(() => ({ at: Number.NaN }));
vi.mock("../../src/ui/relative-time", async (importOriginal) => {
  const actual = await importOriginal<typeof RelativeTime>();
  return {
    ...actual,
    formatAgo(at: number, now: number) {
      if (at === poison.at) throw new RangeError("Invalid time value");
      return actual.formatAgo(at, now);
    },
  };
});

vi.mock("../../src/features/history/history-words", async (importOriginal) => {
  const actual = await importOriginal<typeof HistoryWords>();
  return {
    ...actual,
    kindWords(entry: HistoryEntry) {
      if (entry.at === poison.at) throw new RangeError("Invalid time value");
      return actual.kindWords(entry);
    },
  };
});

/** React reports each caught failure on the console: expected here, and only these. */
function expectReportedFailures() {
  const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
  return () => {
    expect(errors).toHaveBeenCalled();
    for (const call of errors.mock.calls)
      expect(call.map(String).join(" ")).toMatch(/Invalid time/);
  };
}

/** The one notice a failed part leaves in its place. */
function failures(): HTMLElement[] {
  return screen
    .queryAllByRole("alert")
    .filter((alert) => alert.textContent?.startsWith("Pairdesk could not show"));
}

async function failureNotice(): Promise<HTMLElement> {
  return waitFor(() => {
    const [notice, ...more] = failures();
    expect(more).toEqual([]);
    if (!notice) throw new Error("no failure notice");
    return notice;
  });
}

const nav = () => screen.getByRole("navigation", { name: "Main" });

function cardNames(list: string): string[] {
  return within(screen.getByRole("list", { name: list }))
    .queryAllByRole("article")
    .map((card) => within(card).getByRole("heading").textContent ?? "");
}

describe("error boundaries", () => {
  it("a throwing request card leaves the other cards and the header usable", async () => {
    const reported = expectReportedFailures();
    const now = Date.now();
    poison.at = now - 4321;
    const bad = hostilePending("bad", { displayName: "Broken phone" }, poison.at);
    const app = await connectApp({
      gateway: {
        initialState: stateWith([
          hostilePending("one", { displayName: "First phone" }, now - 2000),
          bad,
          hostilePending("two", { displayName: "Second phone" }, now - 1000),
        ]),
      },
    });

    const alert = await failureNotice();
    expect(alert).toHaveTextContent(`Pairdesk could not show request ${bad.requestId}.`);
    expect(cardNames("Pending requests").sort()).toEqual(["First phone", "Second phone"]);

    // The other cards still act.
    const first = screen.getByRole("article", { name: "First phone" });
    await app.user.click(within(first).getByRole("button", { name: "Approve" }));
    await waitFor(() => expect(cardNames("Pending requests")).toEqual(["Second phone"]));

    // The header still navigates, and back.
    await app.user.click(within(nav()).getByRole("link", { name: "Devices" }));
    expect(await screen.findByRole("heading", { name: "Devices" })).toBeVisible();
    await app.user.click(within(nav()).getByRole("link", { name: /^Requests/ }));
    expect(await screen.findByRole("heading", { name: /^Pending requests/ })).toBeVisible();

    // Once what broke it is gone, "Reload this view" shows the card again.
    poison.at = Number.NaN;
    await app.user.click(screen.getByRole("button", { name: "Reload this view" }));
    expect(await screen.findByRole("article", { name: "Broken phone" })).toBeVisible();
    expect(failures()).toEqual([]);
    reported();
  });

  it("a throwing device card leaves the other devices usable", async () => {
    const reported = expectReportedFailures();
    poison.at = Date.now() - 98_765;
    const bad = pairedDevice("Broken laptop", { lastSeenAtMs: poison.at });
    const app = await connectApp({
      path: "/devices",
      gateway: {
        initialState: stateWith([], [pairedDevice("Good laptop"), bad, pairedDevice("Good phone")]),
      },
    });

    const alert = await failureNotice();
    expect(alert).toHaveTextContent(`Pairdesk could not show device ${bad.deviceId}.`);
    // This browser is paired too ("Pairdesk").
    expect(cardNames("Paired devices").sort()).toEqual(["Good laptop", "Good phone", "Pairdesk"]);
    const good = screen.getByRole("article", { name: "Good phone" });
    await app.user.click(within(good).getByRole("button", { name: "Rename" }));
    expect(await screen.findByRole("dialog")).toBeVisible();
    reported();
  });

  it("a throwing screen says which device, and the navigation leads away from it", async () => {
    const reported = expectReportedFailures();
    poison.at = Date.now() - 55_555;
    // The device's own page shows when its request asked, outside any card.
    const bad = hostilePending("bad", { displayName: "Broken phone" }, poison.at);
    const app = await connectApp({
      path: `/devices/${bad.deviceId}`,
      gateway: { initialState: stateWith([bad]) },
    });

    const alert = await failureNotice();
    expect(alert).toHaveTextContent(`Pairdesk could not show this screen ${bad.deviceId}.`);
    expect(screen.getByRole("banner")).toBeVisible();
    await app.user.click(within(nav()).getByRole("link", { name: "History" }));
    expect(await screen.findByRole("heading", { name: "History" })).toBeVisible();
    expect(failures()).toEqual([]);
    reported();
  });

  it("a throwing history row leaves the other rows in the table", async () => {
    const reported = expectReportedFailures();
    poison.at = Date.now() - 77_777;
    const app = await connectApp({ path: "/history" });
    const record = (deviceName: string, at: number) =>
      app.deps.history.record({ kind: "requested", deviceId: `id-${deviceName}`, deviceName, at });
    record("Older phone", poison.at - 1000);
    const bad = record("Broken phone", poison.at);
    record("Newer phone", poison.at + 1000);

    const alert = await failureNotice();
    expect(alert).toHaveTextContent(`Pairdesk could not show history entry ${bad.deviceId}.`);
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Time/),
      expect.stringMatching(/Newer phone/),
      expect.stringMatching(/^Pairdesk could not show history entry/),
      expect.stringMatching(/Older phone/),
    ]);
    expect(within(nav()).getByRole("link", { name: "History" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    reported();
  });
});
