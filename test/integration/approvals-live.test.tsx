import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { RECHECK_MS } from "../../src/api/pair-events";
import { METHODS, PAIRING_REQUEST_TTL_MS } from "../../src/protocol";
import { findRequest, connectApp, requestNames } from "../support/app-harness";

describe("approvals: desktop notifications", () => {
  it("notifies only when turned on and the tab is hidden, without ids or addresses", async () => {
    const shown: { title: string; body?: string }[] = [];
    class FakeNotification {
      static permission: NotificationPermission = "default";
      static requestPermission = vi.fn(async () => {
        FakeNotification.permission = "granted";
        return FakeNotification.permission;
      });
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
      }
    }
    vi.stubGlobal("Notification", FakeNotification);
    let visibility: DocumentVisibilityState = "visible";
    vi.spyOn(document, "visibilityState", "get").mockImplementation(() => visibility);
    try {
      const app = await connectApp();
      await app.user.click(screen.getByRole("checkbox", { name: "Desktop notifications" }));
      expect(screen.getByRole("checkbox", { name: "Desktop notifications" })).toBeChecked();
      expect(localStorage.getItem("pairdesk.preferences")).toContain('"notifications":true');

      await app.harness.simulator.run("phone-lan");
      await findRequest("Ada's iPhone");
      expect(shown).toEqual([]);

      visibility = "hidden";
      const [mac] = await app.harness.simulator.run("role-upgrade");
      await findRequest("Studio Mac");
      expect(shown).toEqual([
        { title: "Pairing request waiting", body: expect.stringMatching(/^Studio Mac \(/) },
      ]);
      expect(JSON.stringify(shown)).not.toContain(mac?.deviceId ?? "?");
      expect(JSON.stringify(shown)).not.toContain("192.168");
    } finally {
      vi.unstubAllGlobals();
      localStorage.clear();
    }
  });
});

describe("approvals: live list", () => {
  it("shows the empty state, then announces a request that arrives live", async () => {
    const app = await connectApp();
    expect(await screen.findByText(/nothing is waiting for approval/i)).toBeVisible();
    expect(
      screen.getByText("When a device asks to pair or asks for more scopes, it appears here live."),
    ).toBeVisible();
    expect(document.title).toBe("Pairdesk");

    await app.harness.simulator.run("phone-lan");

    const card = await findRequest("Ada's iPhone");
    expect(within(card).getByText("New device")).toBeVisible();
    expect(within(card).getByText("iPhone / iPad app")).toBeVisible();
    expect(within(card).getByText("192.168.1.20")).toBeVisible();
    // The address proves the cause (a remote device is never approved by itself): no guesses.
    expect(
      within(card).getByText(/It connected from 192\.168\.1\.20: the device is on another machine/),
    ).toBeVisible();
    expect(within(card).queryByText(/does not record why/)).not.toBeInTheDocument();
    expect(screen.getByText("New request: Ada's iPhone (new device).")).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe("(1) Pairdesk"));
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: /requests/i })).toHaveTextContent("1 pending");
  });

  it("shows what a scope upgrade adds against what the device holds", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-scope-upgrade");
    const card = await findRequest("Ada's iPhone");
    expect(await within(card).findByText("Scope upgrade")).toBeVisible();
    const added = within(card).getByRole("list", { name: "Scopes added" });
    const kept = within(card).getByRole("list", { name: "Scopes asked again" });
    expect(within(added).getByText("operator.write")).toBeVisible();
    expect(within(kept).getByText("operator.read")).toBeVisible();
  });

  it("follows a device that asks again to its newest request", async () => {
    const app = await connectApp();
    const [phone] = await app.harness.simulator.run("phone-lan");
    const card = await findRequest("Ada's iPhone");
    expect(within(card).queryByText("operator.approvals")).not.toBeInTheDocument();
    if (!phone) throw new Error("no phone");

    await app.harness.simulator.connect({
      ...phone.spec,
      scopes: [...phone.spec.scopes, "operator.approvals"],
    });

    // The newest request is a new row (a new requestId), in the old one's place.
    await waitFor(() =>
      expect(
        within(screen.getByRole("article", { name: "Ada's iPhone" })).getByText(
          "operator.approvals",
        ),
      ).toBeVisible(),
    );
    expect(requestNames()).toEqual(["Ada's iPhone"]);
    expect(screen.queryByText(/rejected elsewhere/)).not.toBeInTheDocument();
  });

  it("re-reads the list after a reconnect and shows what arrived while it was away", async () => {
    const app = await connectApp({
      connection: { reconnect: { initialMs: 300, multiplier: 1, maxMs: 300 } },
    });
    const request = vi.spyOn(app.deps.connection, "request");
    await app.harness.gateway.restart();
    // The app's socket is gone for ~300 ms: this request's event never reaches it.
    await app.harness.simulator.run("phone-lan");
    expect(app.deps.connection.status.kind).not.toBe("connected");

    expect(await findRequest("Ada's iPhone")).toBeVisible();
    expect(request.mock.calls.some(([method]) => method === METHODS.pairList)).toBe(true);
  });

  it("re-reads the list every 30 s, so a dropped event hides a request no longer", async () => {
    // Operator event frames are best effort: this connection loses every one of them.
    const app = await connectApp({
      wrapConnection: (real) =>
        Object.create(real, { onEvent: { value: () => () => undefined } }) as typeof real,
    });
    await app.harness.simulator.run("phone-lan");
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(requestNames()).toEqual([]);

    app.clock.offsetMs = RECHECK_MS;
    expect(await findRequest("Ada's iPhone")).toBeVisible();
  });

  it("counts down and removes a request when its five minutes run out", async () => {
    const app = await connectApp();
    await app.harness.simulator.run("phone-lan");
    const card = await findRequest("Ada's iPhone");
    expect(within(card).getByText(/^Expires in [45]:\d\d$/)).toBeVisible();

    app.clock.offsetMs = PAIRING_REQUEST_TTL_MS - 30_000;
    expect(await within(card).findByText(/^Expires in 0:[23]\d$/)).toBeVisible();
    expect(within(card).getByText(/^Asked 4 minutes ago$/)).toBeVisible();

    app.clock.offsetMs = PAIRING_REQUEST_TTL_MS + 1000;
    expect(await screen.findByText("“Ada's iPhone” expired.")).toBeVisible();
    await waitFor(() => expect(requestNames()).toEqual([]));
    await waitFor(() => expect(document.title).toBe("Pairdesk"));

    // History keeps it (the gateway sends no event for it), readable after disconnecting too.
    await app.user.click(screen.getByRole("button", { name: "Disconnect" }));
    await app.user.click(screen.getByRole("link", { name: "History" }));
    const table = await screen.findByRole("table");
    expect(
      await within(table).findByRole("row", { name: /Expired \(operator\).*Ada's iPhone/ }),
    ).toBeVisible();
  });

  it("keeps a request its device refreshed by asking again (the gateway sends no event)", async () => {
    const app = await connectApp();
    const [phone] = await app.harness.simulator.run("phone-lan");
    if (!phone) throw new Error("no phone");
    await findRequest("Ada's iPhone");

    app.clock.offsetMs = PAIRING_REQUEST_TTL_MS - 5000;
    await app.harness.simulator.connect(phone.spec);
    app.clock.offsetMs = PAIRING_REQUEST_TTL_MS + 1000;

    // The gateway keeps the first ask's ts, so the app cannot count down from the refresh:
    // it asks the gateway, keeps what it still lists, and says why it is still there.
    const card = await findRequest("Ada's iPhone");
    expect(
      await within(card).findByText("Still waiting after 5 minutes: the device asked again"),
    ).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(screen.queryByText("“Ada's iPhone” expired.")).not.toBeInTheDocument();
    expect(requestNames()).toEqual(["Ada's iPhone"]);

    // Five minutes after the refresh the gateway drops it; the next check reports that.
    app.clock.offsetMs = 2 * PAIRING_REQUEST_TTL_MS + RECHECK_MS;
    expect(await screen.findByText("“Ada's iPhone” expired.", {}, { timeout: 3000 })).toBeVisible();
    expect(requestNames()).toEqual([]);
  });
});
