import { describe, expect, it } from "vitest";
import { deviceName, ownName, requestName } from "../../../src/policy";
import type { PairedDevice } from "../../../src/protocol";

// One name per device on every screen: label, reported name, client in plain words, short id.

const ID = "a1b2c3d4e5f6a7b8c9d0";

describe("deviceName", () => {
  it.each<[Partial<PairedDevice>, string]>([
    [{ operatorLabel: " Desk ", label: "Old", displayName: "host" }, "Desk"],
    [{ operatorLabel: " ", label: "Old", displayName: "host" }, "Old"],
    [{ displayName: " host ", clientId: "cli" }, "host"],
    [
      { displayName: " ", clientId: "node-host", clientMode: "backend" },
      "node host (cron scheduler)",
    ],
    [{ clientId: "cli", clientMode: "backend" }, "command-line tool, running as a backend service"],
    [{ clientId: "my-bot" }, "unknown client (my-bot)"],
    [{}, "a1b2c3d4e5f6"],
  ])("names %j %j", (fields, expected) => {
    expect(deviceName({ deviceId: ID, ...fields })).toBe(expected);
  });

  it("gives a nameless device no name of its own, so it clashes with no other", () => {
    expect(ownName({ deviceId: ID, clientId: "openclaw-ios" })).toBeUndefined();
    expect(ownName({ deviceId: ID, label: "Desk" })).toBe("Desk");
  });

  it("names a request by its device's label, else by what the device reports now", () => {
    const request = { deviceId: ID, displayName: "New name", clientId: "cli" };
    expect(requestName(request, { label: "Desk" })).toBe("Desk");
    expect(requestName(request, {})).toBe("New name");
    expect(requestName({ deviceId: ID }, undefined)).toBe("a1b2c3d4e5f6");
  });
});
