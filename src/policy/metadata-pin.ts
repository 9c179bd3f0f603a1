import { GATEWAY_CLIENT_IDS as IDS } from "@openclaw/gateway-protocol/client-info";
import { normalizeDeviceMetadata } from "./approved-access";

// Whether a device's platform and family still match the approval's pin (spec §5), as 2026.9.6
// decides: a node host may say "darwin" for "macos", a native app may move to a newer OS version.

/** Node.js platform names: the product name and family the gateway records for them. */
const RUNTIME: Readonly<Record<string, readonly [string, string]>> = {
  darwin: ["macos", "Mac"],
  win32: ["windows", "Windows"],
  linux: ["linux", "Linux"],
};

const VERSIONED_MACOS = /^macos \d+(?:\.\d+){0,2}$/;
const NATIVE_FAMILIES: readonly (readonly [string, RegExp])[] = [
  [IDS.IOS_APP, /^(?:ios|ipados)(?:\s|$)/],
  [IDS.ANDROID_APP, /^android(?:\s|$)/],
  [IDS.WATCHOS_APP, /^watchos \d+(?:\.\d+){0,2}$/],
  [IDS.MACOS_APP, VERSIONED_MACOS],
];

function nativeFamily(clientId: string, platform: string): RegExp | undefined {
  return NATIVE_FAMILIES.find(([id, family]) => id === clientId && family.test(platform))?.[1];
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
  const { clientId } = input;
  const claimed = normalizeDeviceMetadata(input.claimedPlatform);
  const pinned = normalizeDeviceMetadata(input.pairedPlatform);
  const family = normalizeDeviceMetadata(input.claimedDeviceFamily);
  const pinnedFamily = normalizeDeviceMetadata(input.pairedDeviceFamily);
  const [runtime = pinned, runtimeFamily] = RUNTIME[pinned] ?? [];
  const nodeHost = clientId === IDS.NODE_HOST && input.clientMode === "node";
  const runtimePin =
    (nodeHost &&
      pinned !== "" &&
      claimed !== "" &&
      (RUNTIME[claimed]?.[0] ?? claimed) === runtime) ||
    (pinnedFamily === "" &&
      runtime !== pinned &&
      claimed === runtime &&
      family === normalizeDeviceMetadata(runtimeFamily));
  const macAppPin =
    nodeHost && (claimed === "darwin" || claimed === "macos") && VERSIONED_MACOS.test(pinned);
  const claimedNative = nativeFamily(clientId, claimed);
  const versionRefresh =
    pinned !== "" &&
    claimed !== "" &&
    claimed !== pinned &&
    claimedNative !== undefined &&
    (claimedNative === nativeFamily(clientId, pinned) ||
      (clientId === IDS.MACOS_APP && (pinned === "darwin" || pinned === "macos")));
  const pin: MetadataPin = {
    mismatch:
      (pinned !== "" && claimed !== pinned && !runtimePin && !macAppPin && !versionRefresh) ||
      (pinnedFamily !== "" && family !== pinnedFamily),
  };
  const platform = runtimePin
    ? runtime
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
