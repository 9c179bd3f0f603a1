import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { deviceFingerprint } from "../../src/policy";
import { connectApp } from "../support/app-harness";
import { deviceIdFor, hostilePending, pairedDevice, stateWith } from "./security-hostile-fixtures";

// Device-supplied strings are attacker-controlled: whatever they hold, they show as text,
// legibly, and never as another device.

// 53 characters: under the row's cut, so the whole string shows in the heading.
const XSS_NAME = "<img src=x onerror=alert(1)><script>alert(2)</script>";

function cards(): HTMLElement[] {
  return within(screen.getByRole("list", { name: "Pending requests" })).getAllByRole("article");
}

describe("hostile device data is shown inertly", () => {
  it("renders HTML in names, platforms and origins as literal text, never as markup", async () => {
    await connectApp({
      gateway: {
        initialState: stateWith([
          hostilePending("xss", {
            displayName: XSS_NAME,
            platform: "<b>ios</b>",
            browserOrigin: "javascript:alert(1)//<iframe src=x>",
            clientId: "<svg onload=alert(3)>",
          }),
        ]),
      },
    });
    const [card] = await waitFor(() => cards());
    if (!card) throw new Error("no card");
    expect(within(card).getByRole("heading")).toHaveTextContent(XSS_NAME);
    expect(within(card).getByText("<b>ios</b>")).toBeVisible();
    expect(within(card).getByText("javascript:alert(1)//<iframe src=x>")).toBeVisible();
    expect(within(card).getByText(/^unknown client \(<svg onload=alert\(3\)>\)/)).toBeVisible();
    for (const tag of ["img", "script", "b", "iframe", "svg"]) {
      // The point is that no such element exists anywhere on the page.
      // eslint-disable-next-line testing-library/no-node-access
      expect(document.body.querySelector(tag), tag).toBeNull();
    }
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("makes right-to-left overrides and zero-width characters visible, with a note", async () => {
    await connectApp({
      gateway: {
        initialState: stateWith([
          hostilePending("rlo", { displayName: "evil\u202Eenohpi\u200B", platform: "io\u200Ds" }),
        ]),
      },
    });
    const [card] = await waitFor(() => cards());
    if (!card) throw new Error("no card");
    const heading = within(card).getByRole("heading");
    expect(heading).toHaveTextContent(
      "evil⟨U+202E⟩enohpi⟨U+200B⟩ (contains 2 hidden characters, shown as ⟨U+…⟩)",
    );
    expect(within(card).getByText("⟨U+200D⟩")).toBeVisible();
    // Nothing invisible reaches the page, not even in attributes.
    for (const hidden of ["\u202E", "\u200B", "\u200D"]) {
      expect(document.documentElement.outerHTML).not.toContain(hidden);
    }
  });

  it("cuts a 10,000-character name in the row and shows all of it in the title and details", async () => {
    const longName = `${"W".repeat(9_990)}-the-end!`;
    const app = await connectApp({
      gateway: { initialState: stateWith([hostilePending("long", { displayName: longName })]) },
    });
    const [card] = await waitFor(() => cards());
    if (!card) throw new Error("no card");
    const heading = within(card).getByRole("heading");
    expect(heading.textContent?.length).toBeLessThan(100);
    expect(heading.textContent).toMatch(/…$/);
    expect(within(heading).getByTitle(longName)).toBeInTheDocument();
    // The fingerprint stays on screen next to the name however long the name is.
    expect(within(card).getAllByText(deviceFingerprint(deviceIdFor("long")))[0]).toBeVisible();

    await app.user.click(within(card).getByRole("link", { name: "Details" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(longName)).toBeVisible();
  });

  it("tells apart two devices with the same name, and a look-alike of a paired device", async () => {
    await connectApp({
      gateway: {
        initialState: stateWith(
          [
            hostilePending("first", { displayName: "Build server" }),
            hostilePending("second", { displayName: "Build server" }),
            // Cyrillic "А" and "о": reads as the paired "Ada's laptop".
            hostilePending("fake", { displayName: "\u0410da's lapt\u043Ep" }),
            hostilePending("honest", { displayName: "Grace's tablet" }),
          ],
          [pairedDevice("Ada's laptop")],
        ),
      },
    });
    const same = await screen.findAllByRole("article", { name: "Build server" });
    expect(same).toHaveLength(2);
    const prints = same.map(
      (card) => within(card).getByTitle(/Device fingerprint/).textContent ?? "",
    );
    expect(new Set(prints)).toEqual(
      new Set([deviceFingerprint(deviceIdFor("first")), deviceFingerprint(deviceIdFor("second"))]),
    );
    for (const card of same) {
      expect(within(card).getByText(/same or a look-alike name/)).toBeVisible();
    }
    const fake = screen.getByRole("article", { name: /mixes Latin and Cyrillic letters/ });
    expect(within(fake).getByText(/same or a look-alike name/)).toBeVisible();
    const honest = screen.getByRole("article", { name: "Grace's tablet" });
    expect(within(honest).queryByText(/look-alike/)).not.toBeInTheDocument();
  });

  it("shows markup and an isolate in a name, and a scope with a hidden character, inertly", async () => {
    await connectApp({
      gateway: {
        initialState: stateWith(
          [
            hostilePending("labelled", {
              displayName: "<u>Office</u>\u2066Mac",
              isRepair: true,
              reason: "scope-upgrade",
              scopes: ["operator.read", "operator.admin\u200B"],
            }),
          ],
          [pairedDevice("labelled")],
        ),
      },
    });
    const [card] = await waitFor(() => cards());
    if (!card) throw new Error("no card");
    expect(within(card).getByRole("heading")).toHaveTextContent(
      "<u>Office</u>⟨U+2066⟩Mac (contains 1 hidden character, shown as ⟨U+…⟩)",
    );
    const added = within(card).getByRole("list", { name: "Scopes added" });
    expect(within(added).getByText("operator.admin")).toBeVisible();
    expect(within(added).getByText("⟨U+200B⟩")).toBeVisible();
    // eslint-disable-next-line testing-library/no-node-access
    expect(document.body.querySelector("u")).toBeNull();
  });
});
