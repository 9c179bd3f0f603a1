import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
} from "@openclaw/gateway-protocol/client-info";
import { isLoopbackAddress } from "../../src/policy/ip-address";

// What the gateway stores about a connecting client, after its own normalisation (observed).

const NODE_HOST_DESKTOP: Readonly<Record<string, { platform: string; deviceFamily: string }>> = {
  darwin: { platform: "macos", deviceFamily: "Mac" },
  macos: { platform: "macos", deviceFamily: "Mac" },
  linux: { platform: "linux", deviceFamily: "Linux" },
  win32: { platform: "windows", deviceFamily: "Windows" },
  windows: { platform: "windows", deviceFamily: "Windows" },
};

type ClientFacts = { id: string; mode: string; platform: string; deviceFamily?: string };

/**
 * A node host in node mode names its desktop platform the Node.js way ("darwin", "win32");
 * the gateway records the product name and fills in the device family, so `darwin` is stored
 * as platform "macos", family "Mac". Applied after the proof, which signs what was sent.
 */
export function normalizeNodeHostMetadata<T extends ClientFacts>(client: T): T {
  if (client.id !== IDS.NODE_HOST || client.mode !== MODES.NODE) return client;
  if (!Object.hasOwn(NODE_HOST_DESKTOP, client.platform)) return client;
  const desktop = NODE_HOST_DESKTOP[client.platform];
  if (!desktop) return client;
  const family = client.deviceFamily?.trim();
  if (family && family.toLowerCase() !== desktop.deviceFamily.toLowerCase()) return client;
  if (client.platform === desktop.platform && family) return client;
  return { ...client, platform: desktop.platform, deviceFamily: family || desktop.deviceFamily };
}

/**
 * The address the gateway records for a device (`remoteIp`): none for a direct-local client or
 * any loopback peer (observed: loopback requests and records carry no remoteIp).
 */
export function reportedRemoteIp(remoteAddress: string, isLocalClient: boolean) {
  if (isLocalClient || !remoteAddress || isLoopbackAddress(remoteAddress)) return undefined;
  return remoteAddress;
}
