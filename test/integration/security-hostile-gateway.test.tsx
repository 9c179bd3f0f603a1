import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { startTestGateway } from "../../mocks/node";
import { connectApp } from "../support/app-harness";
import {
  HOSTILE_NAMES as N,
  hostileFrames,
  LONG_ORIGIN,
  withHostileList,
} from "../support/hostile-gateway";
import { tapGateway } from "./security-link-tap";

// The hostile gateway's frames (test/support/hostile-gateway.ts), put on the msw link in jsdom:
// far-future times, hidden characters in scopes, 10,000-character values, malformed frames. The app never blanks,
// shows no unreadable record, shows every hidden character as a marker, and stays usable.
// test/e2e/hostile-gateway.test.ts does the same in Chromium and measures the page's width.

const nav = () => screen.getByRole("navigation", { name: "Main" });
const card = (name: string) => screen.findByRole("article", { name });

function expectNoHiddenCharacters() {
  for (const hidden of ["\u202E", "\u200B"]) {
    expect(document.documentElement.outerHTML).not.toContain(hidden);
  }
}

describe("a hostile gateway", () => {
  it("never blanks the app, hides nothing, and leaves every screen usable", async () => {
    const harness = await startTestGateway();
    const tap = tapGateway(harness);
    tap.outgoing = (text) => ({ replace: withHostileList(text, Date.now()) });
    const app = await connectApp({ harness });
    for (const frame of hostileFrames(Date.now())) {
      if (typeof frame === "string") tap.inject(frame);
    }

    const hidden = await card(N.hiddenScopes);
    expect(within(hidden).getAllByText(/⟨U\+202E⟩/).length).toBeGreaterThan(0);
    expect(within(hidden).getAllByText(/⟨U\+200B⟩/).length).toBeGreaterThan(0);
    expect(screen.queryByRole("article", { name: N.farRequest })).toBeNull();
    expect(screen.queryByRole("article", { name: "Live far future" })).toBeNull();
    expect(screen.getByText(/The gateway sent data Pairdesk could not read/)).toBeVisible();
    expectNoHiddenCharacters();

    // Approving it needs scopes this session lacks: the elevation dialog quotes them, markers
    // and all, in its sentences and on its button.
    await app.user.click(within(hidden).getByRole("button", { name: /^Approve/ }));
    const elevation = await screen.findByRole("dialog");
    expect(within(elevation).getAllByText(/⟨U\+200B⟩/).length).toBeGreaterThan(0);
    expectNoHiddenCharacters();
    await app.user.click(within(elevation).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    // The request with a 10,000-character origin opens; its details cut it, whole in the title.
    const long = await card(N.longOrigin);
    await app.user.click(within(long).getByRole("link", { name: "Details" }));
    const dialog = await screen.findByRole("dialog");
    const shown = LONG_ORIGIN.replace("\u202E", "⟨U+202E⟩");
    expect(within(dialog).getAllByTitle(shown).length).toBeGreaterThan(0);
    expect(within(dialog).getByText(/a browser Origin header.*\(https:\/\/o+/)).toBeVisible();
    expectNoHiddenCharacters();
    await app.user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    // A device last seen in the year 318,000 is listed (the time is left out), as is one with
    // 10,000 characters in every field; both open on their own page.
    await app.user.click(within(nav()).getByRole("link", { name: /^Devices/ }));
    expect(await card(N.farSeen)).toBeVisible();
    const longDevice = await card(N.longDevice);
    await app.user.click(within(longDevice).getByRole("link", { name: /^Details/ }));
    expect(await card(N.longDevice)).toBeVisible();
    expectNoHiddenCharacters();

    await app.user.click(within(nav()).getByRole("link", { name: /^History/ }));
    expect(await screen.findByRole("heading", { name: "History", level: 2 })).toBeVisible();
    // The live request with hidden scopes was logged; the log shows them as markers too.
    expect((await screen.findAllByText(/⟨U\+200B⟩/)).length).toBeGreaterThan(0);
    expectNoHiddenCharacters();
    await app.user.click(within(nav()).getByRole("link", { name: /^Requests/ }));
    expect(await card(N.hiddenScopes)).toBeVisible();
    expect(screen.queryAllByText(/Pairdesk could not show/)).toEqual([]);
    expect(app.deps.connection.status.kind).toBe("connected");
  }, 30_000);
});
