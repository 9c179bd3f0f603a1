import { GATEWAY_CLIENT_IDS as IDS } from "@openclaw/gateway-protocol/client-info";
import { normalizeDeviceMetadata } from "./approved-access";

// Whether a paired device's claimed platform and device family still match what was pinned at
// approval (spec §5 metadata-upgrade), as the 2026.9.6 gateway decides it: a node host may name
// its OS the Node.js way ("darwin" for a "macos" pin), and a native app may move to a newer OS
// version of the same family ("ios 18.1" → "ios 18.2") without re-approval.

/** Node.js platform names and the product name and family the gateway records for them. */
const RUNTIME_PLATFORMS: Readonly<Record<string, { platform: string; deviceFamily?: string }>> = {
  darwin: { platform: "macos", deviceFamily: "Mac" },
  win32: { platform: "windows", deviceFamily: "Windows" },
  linux: { platform: "linux", deviceFamily: "Linux" },
};

function runtimeIdentity(platform: string): { platform: string; deviceFamily?: string } {
  return RUNTIME_PLATFORMS[platform] ?? { platform };
}

const NATIVE_FAMILIES: readonly [string, RegExp, string][] = [
  [IDS.IOS_APP, /^(?:ios|ipados)(?:\s|$)/, "ios"],
  [IDS.ANDROID_APP, /^android(?:\s|$)/, "android"],
  [IDS.WATCHOS_APP, /^watchos \d+(?:\.\d+){0,2}$/, "watchos"],
  [IDS.MACOS_APP, /^macos \d+(?:\.\d+){0,2}$/, "macos"],
];

function nativeFamily(clientId: string, platform: string): string | undefined {
  return NATIVE_FAMILIES.find(([id, pattern]) => id === clientId && pattern.test(platform))?.[2];
}

export type MetadataPin = {
  mismatch: boolean;
  /** What the connect's platform and family are taken to be when they match the pin. */
  platform?: string;
  deviceFamily?: string;
  /** A native app's newer OS version, which replaces the pinned one on the record. */
  refreshedPlatform?: string;
};

export function pinClientMetadata(input: {
  clientId: string;
  clientMode: string;
  claimedPlatform?: string;
  claimedDeviceFamily?: string;
  pairedPlatform?: string;
  pairedDeviceFamily?: string;
}): MetadataPin {
  const claimed = normalizeDeviceMetadata(input.claimedPlatform);
  const pinned = normalizeDeviceMetadata(input.pairedPlatform);
  const claimedFamily = normalizeDeviceMetadata(input.claimedDeviceFamily);
  const pinnedFamily = normalizeDeviceMetadata(input.pairedDeviceFamily);
  const runtime = runtimeIdentity(pinned);
  const nodeHost = input.clientId === IDS.NODE_HOST && input.clientMode === "node";
  const runtimePin =
    (nodeHost &&
      pinned !== "" &&
      claimed !== "" &&
      runtimeIdentity(claimed).platform === runtime.platform) ||
    (pinnedFamily === "" &&
      runtime.platform !== pinned &&
      claimed === runtime.platform &&
      claimedFamily === normalizeDeviceMetadata(runtime.deviceFamily));
  const macAppPin =
    nodeHost &&
    (claimed === "darwin" || claimed === "macos") &&
    /^macos \d+(?:\.\d+){0,2}$/.test(pinned);
  const family = nativeFamily(input.clientId, claimed);
  const versionRefresh =
    pinned !== "" &&
    claimed !== "" &&
    claimed !== pinned &&
    family !== undefined &&
    (family === nativeFamily(input.clientId, pinned) ||
      (input.clientId === IDS.MACOS_APP &&
        family === "macos" &&
        (pinned === "darwin" || pinned === "macos")));
  const platformMismatch =
    pinned !== "" && claimed !== pinned && !runtimePin && !macAppPin && !versionRefresh;
  const familyMismatch = pinnedFamily !== "" && claimedFamily !== pinnedFamily;
  const pin: MetadataPin = { mismatch: platformMismatch || familyMismatch };
  const platform = runtimePin
    ? runtime.platform
    : claimed === pinned || macAppPin
      ? input.pairedPlatform
      : versionRefresh
        ? input.claimedPlatform
        : undefined;
  if (pinned !== "" && platform) pin.platform = platform;
  if (pinnedFamily !== "") pin.deviceFamily = input.pairedDeviceFamily;
  if (versionRefresh) pin.refreshedPlatform = input.claimedPlatform;
  return pin;
}
