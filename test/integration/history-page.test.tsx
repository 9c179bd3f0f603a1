import { GatewayProtocolRequestError } from "@openclaw/gateway-client/browser";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createIndexedDbHistory, createMemoryHistory } from "../../src/api/history-db";
import { createHistoryStore } from "../../src/api/history-store";
import type { HistoryEntry } from "../../src/api/history-types";
import { usePendingRequests } from "../../src/api/pair-list";
import { useDecideRequests } from "../../src/api/pair-mutations";
import { DevicesPage } from "../../src/features/devices/DevicesPage";
import { HistoryPage } from "../../src/features/history/HistoryPage";
import { ERROR_CODES, METHODS, OPERATOR_SCOPES } from "../../src/protocol";
import {
  askFromLan,
  findDevice,
  loopbackDevice,
  otherAdmin,
  pairSilently,
  connectDevicesScreen,
  mountApp,
} from "../support/app-harness";

const { createObjectURL, revokeObjectURL } = URL;
afterEach(() => {
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

/** Stands in for the approvals screen: this browser approves the first pending request. */
function ApproveHere() {
  const { pending } = usePendingRequests();
  const { approve } = useDecideRequests();
  const first = pending[0];
  if (!first) return null;
  return (
    <button type="button" onClick={() => approve([first.requestId])}>
      Approve {first.displayName}
    </button>
  );
}

/** jsdom's Blob has no text(). */
function readText(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error("nothing was downloaded"));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

const page = (
  <>
    <HistoryPage />
    <ApproveHere />
  </>
);

/** The history table's rows (newest first), each as "Event | Device | asked | decided | by". */
function historyRows(): string[] {
  const table = screen.getByRole("table");
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .slice(1)
        .map((cell) => cell.textContent ?? "")
        .join(" | "),
    );
}

async function waitForRows(count: number) {
  const text = count === 1 ? "1 entry" : `${count} entries`;
  await waitFor(() => expect(screen.getByText(text)).toBeVisible(), {
    timeout: 5000,
  });
}

describe("history: what it records", () => {
  it("records requests and who decided them, and keeps them across a reload", async () => {
    const app = await connectDevicesScreen({ page, path: "/history" });
    await screen.findByRole("button", { name: "Export JSON" });
    await waitFor(() => expect(app.deps.connection.status.kind).toBe("connected"));
    // This browser approves a grant of operator.write below, and the gateway lets only a
    // session holding it do so: elevate first (the approvals screen asks in a dialog).
    app.deps.connection.requestScopes([OPERATOR_SCOPES.write]);
    await waitFor(() => expect(app.deps.connection.scopes).toContain(OPERATOR_SCOPES.write));
    expect(screen.getByText(/Nothing recorded yet/)).toBeVisible();

    // Another admin's CLI pairs silently on loopback: an automatic approval.
    const admin = await otherAdmin(app.harness);
    await waitForRows(1);
    const first = await askFromLan(app.harness, "phone-1", "First phone");
    await waitForRows(2);
    await admin.approve(first.requestId);
    await waitForRows(3);
    await askFromLan(app.harness, "phone-2", "Second phone");
    await app.user.click(await screen.findByRole("button", { name: "Approve Second phone" }));
    await waitForRows(5);
    admin.close();

    const rows = historyRows();
    expect(rows[0]).toMatch(
      /^Approved \(operator\) \| Second phone.*operator\.read, operator\.write \| operator\.read, operator\.write \| This browser$/,
    );
    expect(rows[1]).toMatch(
      /^Pairing requested \(operator\) \| Second phone.*\| operator\.read, operator\.write \| — \| —$/,
    );
    expect(rows[2]).toMatch(/^Approved \(operator\) \| First phone.* \| Another admin$/);
    expect(rows[3]).toMatch(/^Pairing requested \(operator\) \| First phone/);
    // A silent approval comes without a request; the device's paired record names it.
    expect(rows[4]).toMatch(/^Approved \| command-line tool[0-9a-f]+ \| — \| — \| Automatically$/);

    await app.deps.history.flush();
    const reloaded = createHistoryStore({ persistence: createIndexedDbHistory(app.historyDbName) });
    await reloaded.ready;
    expect(reloaded.getEntries().map((entry) => [entry.kind, entry.decidedBy])).toEqual([
      ["approved", "this-browser"],
      ["requested", undefined],
      ["approved", "another-admin"],
      ["requested", undefined],
      ["approved", "automatic"],
    ]);
  });

  it("records this browser's device actions, refused ones too", async () => {
    const app = await connectDevicesScreen({
      page: (
        <>
          <HistoryPage />
          <DevicesPage />
        </>
      ),
      before: (harness) => pairSilently(harness, loopbackDevice("cron")).then(() => undefined),
    });
    const card = await findDevice("cron");
    await app.user.click(within(card).getByRole("button", { name: "Rename" }));
    await app.user.clear(screen.getByRole("textbox", { name: "New name" }));
    await app.user.type(screen.getByRole("textbox", { name: "New name" }), "Backups");
    await app.user.click(screen.getByRole("button", { name: "Save name" }));
    await waitFor(() => expect(historyRows()[0]).toMatch(/^Renamed/));
    expect(historyRows()[0]).toMatch(
      /^RenamedNew name: “Backups” \| cron[0-9a-f]+ \| — \| — \| This browser$/,
    );

    const original = app.deps.connection.request.bind(app.deps.connection);
    vi.spyOn(app.deps.connection, "request").mockImplementation((method, params, options) =>
      method === METHODS.pairRemove
        ? Promise.reject(
            new GatewayProtocolRequestError({ code: ERROR_CODES.unavailable, message: "busy" }),
          )
        : original(method, params, options),
    );
    await app.user.click(
      within(await findDevice("Backups")).getByRole("button", { name: "Remove" }),
    );
    await app.user.click(screen.getByRole("button", { name: "Remove device" }));
    await waitFor(() => expect(historyRows()[0]).toMatch(/^Removed — refusedbusy \| Backups/));
  });
});

describe("history: what it shows", () => {
  it("shows the stored entries it can read and counts the rest (a far-future time, an unknown kind)", async () => {
    const persistence = createMemoryHistory();
    const good = { id: "a", seq: 1, at: Date.now(), kind: "requested", deviceId: "d1" };
    const bad = [
      { ...good, id: "b", seq: 2, at: 1e16 },
      { ...good, id: "c", seq: 3, kind: "__proto__" },
    ];
    await persistence.save({ put: [good, ...bad] as HistoryEntry[], deleteThrough: 0 });
    const history = createHistoryStore({ persistence });
    mountApp({ page: <HistoryPage />, overrides: { history } });
    expect(
      await screen.findByText("Stored entries not shown because they could not be read: 2."),
    ).toBeVisible();
    expect(screen.getAllByRole("row")).toHaveLength(2); // the header and the readable entry
  });

  it("makes hidden characters in a device's name visible", async () => {
    const app = await connectDevicesScreen({ page, path: "/history" });
    await waitFor(() => expect(app.deps.connection.status.kind).toBe("connected"));
    await askFromLan(app.harness, "rlo", "evil\u202Eenohpi");
    await waitForRows(1);
    expect(historyRows()[0]).toMatch(
      /^Pairing requested \(operator\) \| evil⟨U\+202E⟩enohpi \(contains 1 hidden character/,
    );
  });

  it("shows the newest page first and older entries on request", async () => {
    const app = await connectDevicesScreen({ page, path: "/history" });
    await screen.findByRole("button", { name: "Export JSON" });
    for (let index = 0; index < 250; index += 1) {
      app.deps.history.record({
        kind: "requested",
        deviceId: `d${index}`,
        deviceName: `Phone ${index}`,
      });
    }
    await waitForRows(250);
    // The newest 200: Phone 249 down to Phone 50.
    expect(screen.getByText("Phone 249")).toBeVisible();
    expect(screen.getByText("Phone 50")).toBeVisible();
    expect(screen.queryByText("Phone 49")).toBeNull();

    await app.user.click(screen.getByRole("button", { name: "Show older entries" }));
    expect(await screen.findByText("Phone 0")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Show older entries" })).toBeNull();
  });
});

describe("history: export", () => {
  it("downloads JSON and CSV, with spreadsheet formulas defused", async () => {
    const downloads: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = vi.fn((blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      const blob = blobs.get(this.href);
      if (blob) downloads.push({ name: this.download, blob });
    });

    const app = await connectDevicesScreen({ page, path: "/history" });
    await waitFor(() => expect(app.deps.connection.status.kind).toBe("connected"));
    await askFromLan(app.harness, "evil", '=HYPERLINK("http://x","click")');
    await waitForRows(1);

    await app.user.click(screen.getByRole("button", { name: "Export JSON" }));
    await app.user.click(screen.getByRole("button", { name: "Export CSV" }));

    expect(downloads.map((d) => d.name)).toEqual([
      expect.stringMatching(/^pairdesk-history-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/),
      expect.stringMatching(/^pairdesk-history-.*\.csv$/),
    ]);
    const json = JSON.parse(await readText(downloads[0]?.blob));
    expect(json).toMatchObject({
      format: "pairdesk-history",
      entries: [
        {
          kind: "requested",
          deviceName: '=HYPERLINK("http://x","click")',
          scopesAsked: ["operator.read", "operator.write"],
        },
      ],
    });
    const csv = await readText(downloads[1]?.blob);
    const [header, row] = csv.split("\r\n");
    expect(header).toBe(
      '"time","kind","device","deviceId","requestId","role","scopesAsked","scopesDecided","decidedBy","outcome","note"',
    );
    expect(row).toContain(`"requested","'=HYPERLINK(""http://x"",""click"")"`);
    expect(URL.revokeObjectURL).toHaveBeenCalledTimes(2);
  });
});
