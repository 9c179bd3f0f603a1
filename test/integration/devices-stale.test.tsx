import { screen, within } from "@testing-library/react";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { GatewayProtocolRequestError } from "@openclaw/gateway-client/browser";
import { ERROR_CODES, METHODS } from "../../src/protocol";
import {
  askFromLan,
  connectDevicesScreen,
  loopbackDevice,
  otherAdmin,
  pairSilently,
} from "../support/app-harness";

// Older pairings of one device fold under it, and "Clean up N stale" removes only the offline
// ones the gateway approved by itself, after showing exactly which (docs/…-nodes.md §9).

// A group's disclosure, by its whole text (the name inside is its own element).
const group = (text: string) =>
  screen.getByText((_, element) => element?.tagName === "SUMMARY" && element.textContent === text);
const activity = () => screen.getByRole("status", { name: "Device activity" });

describe("devices: older pairings", () => {
  it("folds them per device and removes the stale ones, saying which could not be", async () => {
    const ids: Record<string, string> = {};
    const app = await connectDevicesScreen({
      before: async (harness) => {
        for (const label of ["box-1", "box-2", "box-3"]) {
          ids[label] = (
            await pairSilently(harness, loopbackDevice(label, { displayName: "Box" }))
          ).deviceId;
        }
        const live = await harness.simulator.connect(
          loopbackDevice("box-4", { displayName: "Box" }),
        );
        onTestFinished(() => live.session?.close());
        // Two phones an admin approved: a group, but nothing in it is stale.
        const admin = await otherAdmin(harness);
        for (const label of ["phone-1", "phone-2"]) {
          await admin.approve((await askFromLan(harness, label, "Phone")).requestId);
        }
      },
    });
    expect(
      await screen.findByText("8 paired devices; 4 are older pairings, listed below"),
    ).toBeVisible();
    const main = screen.getByRole("list", { name: "Paired devices" });
    expect(within(main).getAllByRole("article")).toHaveLength(4);
    expect(
      within(within(main).getByRole("article", { name: "Box" })).getByText("Connected now"),
    ).toBeVisible();

    await app.user.click(group("3 older pairings of Box"));
    const older = screen.getByRole("list", { name: "Older pairings of Box" });
    expect(within(older).getAllByRole("article")).toHaveLength(3);
    expect(group("1 older pairing of Phone")).toBeVisible();

    await app.user.click(screen.getByRole("button", { name: "Clean up 3 stale" }));
    const dialog = screen.getByRole("dialog", { name: "Remove 3 stale pairings?" });
    expect(dialog).toHaveTextContent("was approved by the gateway itself, not by an admin");
    const listed = within(dialog).getByRole("list", { name: "Pairings to remove" });
    expect(within(listed).getAllByRole("listitem")).toHaveLength(3);
    for (const label of ["box-1", "box-2", "box-3"])
      expect(listed).toHaveTextContent(ids[label] ?? "?");
    expect(listed).toHaveTextContent("Box · ");
    expect(listed).not.toHaveTextContent("Phone");

    // Another admin removes one first (the gateway no longer knows it), and one is refused.
    const other = await otherAdmin(app.harness);
    const original = app.deps.connection.request.bind(app.deps.connection);
    vi.spyOn(app.deps.connection, "request").mockImplementation(async (method, params, options) => {
      const { deviceId = "" } = (params ?? {}) as { deviceId?: string };
      if (method === METHODS.pairRemove && deviceId === ids["box-1"]) await other.remove(deviceId);
      if (method === METHODS.pairRemove && deviceId === ids["box-2"]) {
        const refusal = { code: ERROR_CODES.unavailable, message: "device.pair.remove failed" };
        throw new GatewayProtocolRequestError(refusal);
      }
      return original(method, params, options);
    });
    await app.user.click(within(dialog).getByRole("button", { name: "Remove 3" }));
    expect(
      await within(activity()).findByText(
        "Removed 1 of 3 stale pairings. 1 had already been removed elsewhere. Not removed, still listed: “Box” (device.pair.remove failed).",
      ),
    ).toBeVisible();
    const left = app.harness.gateway.list().paired.map((device) => device.deviceId);
    expect(left).toContain(ids["box-2"]);
    expect(left).not.toContain(ids["box-3"]);
    expect(group("1 older pairing of Box")).toBeVisible();
    expect(screen.getByRole("button", { name: "Clean up 1 stale" })).toBeVisible();
  });
});
