import { describe, expect, it } from "vitest";
import { pinClientMetadata } from "../../../src/policy";

// What the gateway records when a paired device's platform or family is claimed again.

describe("pinClientMetadata", () => {
  it.each<[string, Parameters<typeof pinClientMetadata>[0], ReturnType<typeof pinClientMetadata>]>([
    [
      "the same platform keeps the pinned spelling",
      { clientId: "cli", clientMode: "cli", claimedPlatform: "LINUX", pairedPlatform: "linux" },
      { mismatch: false, platform: "linux" },
    ],
    [
      "a node host's Node.js name maps to the pinned product name",
      {
        clientId: "node-host",
        clientMode: "node",
        claimedPlatform: "darwin",
        pairedPlatform: "macos",
      },
      { mismatch: false, platform: "macos" },
    ],
    [
      "a node host on a Mac app's versioned pin",
      {
        clientId: "node-host",
        clientMode: "node",
        claimedPlatform: "darwin",
        pairedPlatform: "macos 15.1",
      },
      { mismatch: false, platform: "macos 15.1" },
    ],
    [
      "a native app's newer OS version refreshes the pin",
      {
        clientId: "openclaw-ios",
        clientMode: "ui",
        claimedPlatform: "ios 18.2",
        pairedPlatform: "ios 18.1",
      },
      { mismatch: false, platform: "ios 18.2", refreshedPlatform: "ios 18.2" },
    ],
    [
      "a macOS app moving from a bare pin to a versioned one",
      {
        clientId: "openclaw-macos",
        clientMode: "ui",
        claimedPlatform: "macos 15.1",
        pairedPlatform: "macos",
      },
      { mismatch: false, platform: "macos 15.1", refreshedPlatform: "macos 15.1" },
    ],
    [
      "the pinned family is kept as pinned",
      {
        clientId: "cli",
        clientMode: "cli",
        claimedPlatform: "linux",
        pairedPlatform: "linux",
        claimedDeviceFamily: "MAC",
        pairedDeviceFamily: "Mac",
      },
      { mismatch: false, platform: "linux", deviceFamily: "Mac" },
    ],
    [
      "another OS is a mismatch",
      {
        clientId: "openclaw-ios",
        clientMode: "ui",
        claimedPlatform: "android 15",
        pairedPlatform: "ios 18.1",
      },
      { mismatch: true },
    ],
    [
      "another family is a mismatch",
      {
        clientId: "cli",
        clientMode: "cli",
        claimedPlatform: "linux",
        pairedPlatform: "linux",
        claimedDeviceFamily: "iPhone",
        pairedDeviceFamily: "Mac",
      },
      { mismatch: true, platform: "linux", deviceFamily: "Mac" },
    ],
    [
      "nothing pinned pins nothing",
      { clientId: "cli", clientMode: "cli", claimedPlatform: "win32" },
      { mismatch: false },
    ],
  ])("%s", (_name, input, expected) => {
    expect(pinClientMetadata(input)).toEqual(expected);
  });
});
