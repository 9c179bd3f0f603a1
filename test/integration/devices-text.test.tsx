import { screen, within } from "@testing-library/react";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { StoredPairedDevice } from "../../mocks/core/types";
import { OPERATOR_SCOPES, ROLES } from "../../src/protocol";
import { findDevice, connectDevicesScreen } from "../support/app-harness";

// What a paired device calls itself is the device's word: on the devices screen, in its
// details and in its dialogs it shows as text, with hidden and direction-changing characters
// made visible, so "evil\u202Eenohpi" cannot pass for a phone.

const idFor = (seed: string) => createHash("sha256").update(seed).digest("hex");

function stored(seed: string, fields: Partial<StoredPairedDevice> = {}): StoredPairedDevice {
  const now = Date.now() - 60_000;
  return {
    deviceId: idFor(seed),
    publicKey: `pk-${seed}`,
    displayName: seed,
    platform: "ios",
    clientId: "openclaw-ios",
    clientMode: "ui",
    role: ROLES.operator,
    roles: [ROLES.operator],
    scopes: [OPERATOR_SCOPES.read],
    approvedVia: "owner",
    createdAtMs: now,
    approvedAtMs: now,
    lastSeenAtMs: now,
    tokens: [{ role: ROLES.operator, scopes: [OPERATOR_SCOPES.read], createdAtMs: now }],
    tokenSecrets: [{ role: ROLES.operator, token: `secret-${seed}` }],
    ...fields,
  };
}

const HOSTILE = "evil\u202Eenohpi\u200B";
const SHOWN = "evil⟨U+202E⟩enohpi⟨U+200B⟩";
const NOTE = "(contains 2 hidden characters, shown as ⟨U+…⟩)";
const LONG = `${"W".repeat(90)}-the-end`;

// jsdom's name computation puts spaces around each marker's element; a browser does not.
const squashed = (text: string) => text.replace(/\s+/g, "");
const named = (text: string) => (name: string) => squashed(name) === squashed(text);

function withDevices(...paired: StoredPairedDevice[]) {
  return { gateway: { initialState: { pending: [], paired } } };
}

function expectNothingHidden() {
  // Not even in an attribute (a title, an aria-label) may a raw control character remain.
  for (const hidden of ["\u202E", "\u200B", "\u200D"]) {
    expect(document.documentElement.outerHTML).not.toContain(hidden);
  }
}

describe("devices: device-supplied text", () => {
  it("shows hidden characters as visible markers in the list, with a note", async () => {
    await connectDevicesScreen(
      withDevices(
        stored(HOSTILE, {
          platform: "io\u200Ds",
          scopes: [OPERATOR_SCOPES.read, "operator.\u200Badmin"],
        }),
      ),
    );
    const card = await screen.findByRole("article", { name: named(`${SHOWN} ${NOTE}`) });
    expect(within(card).getByRole("heading", { level: 3 })).toHaveTextContent(`${SHOWN} ${NOTE}`);
    expect(within(card).getByRole("definition", { name: "Platform" })).toHaveTextContent(
      "io⟨U+200D⟩s",
    );
    const scopes = within(card).getByRole("list", { name: `Approved scopes of ${SHOWN}` });
    expect(within(scopes).getAllByRole("listitem")[1]).toHaveTextContent(
      /^operator\.⟨U\+200B⟩admin/,
    );
    expect(within(card).getByRole("link", { name: `Details of ${SHOWN}` })).toBeVisible();
    expectNothingHidden();
  });

  it("cuts a long name in the list and shows all of it on the device's page", async () => {
    const app = await connectDevicesScreen(withDevices(stored(LONG)));
    const row = await findDevice(/^W+…$/);
    expect(within(row).getByRole("heading", { level: 3 })).not.toHaveTextContent("the-end");

    await app.user.click(within(row).getByRole("link", { name: /^Details of W+…$/ }));
    expect(await screen.findByRole("heading", { name: LONG })).toBeVisible();
  });

  it("shows the markers on the device's page and in its dialogs", async () => {
    const app = await connectDevicesScreen({
      ...withDevices(stored(HOSTILE, { clientId: "webchat\u202E" })),
      path: `/devices/${idFor(HOSTILE)}`,
    });
    const card = await screen.findByRole("article", { name: named(`${SHOWN} ${NOTE}`) });
    expect(within(card).getByRole("definition", { name: "Client" })).toHaveTextContent(
      "unknown client (webchat⟨U+202E⟩)",
    );

    await app.user.click(within(card).getByRole("button", { name: "Rename" }));
    const rename = screen.getByRole("dialog", { name: `Rename “${SHOWN}”` });
    // The field starts with the visible form: nothing hidden slips into the admin's label.
    expect(within(rename).getByRole("textbox", { name: "New name" })).toHaveValue(SHOWN);
    await app.user.click(within(rename).getByRole("button", { name: "Cancel" }));

    await app.user.click(within(card).getByRole("button", { name: "Remove" }));
    expect(screen.getByRole("dialog", { name: `Remove “${SHOWN}”?` })).toBeVisible();
    expectNothingHidden();
  });
});
