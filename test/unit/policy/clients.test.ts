import { GATEWAY_CLIENT_IDS } from "@openclaw/gateway-protocol/client-info";
import { describe, expect, it } from "vitest";
import {
  describeClient,
  deviceFingerprint,
  isControlUiClient,
  isNativeAppUi,
  isWebchatClient,
} from "../../../src/policy";
import { DEVICE_ID } from "./fixtures";

describe("client classes", () => {
  it.each([
    ["openclaw-control-ui", true],
    ["openclaw-tui", true],
    ["webchat-ui", false],
    ["cli", false],
    [undefined, false],
  ])("isControlUiClient(%s) → %s", (id, expected) => {
    expect(isControlUiClient(id)).toBe(expected);
  });

  it.each([
    ["node-host", "webchat", true],
    ["webchat-ui", "ui", true],
    ["openclaw-control-ui", "webchat", true],
    ["openclaw-control-ui", "ui", false],
    ["webchat", "cli", false],
    [undefined, undefined, false],
  ])("isWebchatClient(%s, %s) → %s", (id, mode, expected) => {
    expect(isWebchatClient(id, mode)).toBe(expected);
  });

  it.each([
    ["openclaw-macos", "ui", true],
    ["openclaw-linux", "ui", true],
    ["openclaw-ios", "ui", true],
    ["openclaw-android", "ui", true],
    ["openclaw-watchos", "ui", false],
    ["openclaw-macos", "backend", false],
    ["openclaw-control-ui", "ui", false],
    [undefined, "ui", false],
  ])("isNativeAppUi(%s, %s) → %s", (id, mode, expected) => {
    expect(isNativeAppUi(id, mode)).toBe(expected);
  });
});

describe("describeClient", () => {
  const expected: Record<string, string> = {
    "openclaw-control-ui": "Control UI (browser)",
    "webchat-ui": "web chat (browser)",
    webchat: "web chat",
    cli: "command-line tool",
    "gateway-client": "gateway client (backend)",
    "node-host": "node host (cron scheduler)",
    "openclaw-tui": "terminal UI",
    "openclaw-macos": "macOS app",
    "openclaw-linux": "Linux app",
    "openclaw-ios": "iPhone / iPad app",
    "openclaw-android": "Android app",
    "openclaw-watchos": "Apple Watch app",
    "openclaw-browser-copilot": "browser copilot extension",
    "openclaw-worker": "worker",
    "openclaw-probe": "health probe",
    test: "test client",
    fingerprint: "fingerprint probe",
  };

  it("has words for every id in the closed set", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.values(GATEWAY_CLIENT_IDS).sort());
  });

  it.each(Object.entries(expected))("%s → %s", (id, words) => {
    expect(describeClient(id)).toBe(words);
  });

  it.each([
    ["node-host", "node", "node host (cron scheduler)"],
    ["node-host", "backend", "node host (cron scheduler)"],
    ["cli", "cli", "command-line tool"],
    ["openclaw-control-ui", "webchat", "Control UI (browser)"],
    ["cli", "backend", "command-line tool, running as a backend service"],
    ["openclaw-control-ui", "ui", "Control UI (browser), running as an app"],
    ["gateway-client", "worker", "gateway client (backend), running as a background worker"],
    ["openclaw-ios", "galaxy", 'iPhone / iPad app, running as mode "galaxy"'],
    ["OpenClaw-iOS", undefined, "iPhone / iPad app"],
    ["my-script", undefined, "unknown client (my-script)"],
    ["my-script", "backend", "unknown client (my-script), running as a backend service"],
    [undefined, undefined, "unknown client"],
    ["", "cli", "unknown client, running as a command-line program"],
  ])("(%j, %j) → %j", (id, mode, words) => {
    expect(describeClient(id, mode)).toBe(words);
  });
});

describe("device fingerprints", () => {
  it("shows the first 16 hex characters in groups of four", () => {
    expect(deviceFingerprint(DEVICE_ID)).toBe("a1b2 c3d4 e5f6 a7b8");
    expect(deviceFingerprint(` ${DEVICE_ID.toUpperCase()} `)).toBe("a1b2 c3d4 e5f6 a7b8");
    expect(deviceFingerprint("abcdef")).toBe("abcd ef");
  });
});
