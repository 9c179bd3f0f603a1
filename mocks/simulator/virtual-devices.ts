import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
} from "@openclaw/gateway-protocol/client-info";
import { OPERATOR_SCOPES as S, ROLES } from "../../src/protocol";
import type { VirtualDeviceSpec } from "./simulated";

// The recurring virtual devices of the scenarios and where they sit on the network.

export const LOOPBACK = "127.0.0.1";
/** The gateway host as seen from the LAN (the machine running it). */
export const LAN_GATEWAY_HOST = "192.168.1.10:18789";
export const LOOPBACK_GATEWAY_HOST = "127.0.0.1:18789";

/**
 * The LAN page the webchat scenarios load from. Browser clients from a non-loopback origin
 * are refused unless the origin is in `allowedOrigins`; the dev gateway lists this one so
 * `browser-other-origin` can show the pending request that follows.
 */
export const SIMULATED_LAN_ORIGIN = "http://192.168.1.30:8080";
export const UNLISTED_LAN_ORIGIN = "http://192.168.1.31:8080";

export function cronDevice(label: string, scopes: string[]): VirtualDeviceSpec {
  return {
    label,
    client: { id: IDS.NODE_HOST, mode: MODES.BACKEND, platform: "linux", displayName: "cron" },
    role: ROLES.operator,
    scopes,
    remoteAddress: LOOPBACK,
    headers: { host: LOOPBACK_GATEWAY_HOST },
    auth: "token",
  };
}

export function phone(label: string, scopes: string[], remoteAddress: string): VirtualDeviceSpec {
  return {
    label,
    client: {
      id: IDS.IOS_APP,
      mode: MODES.UI,
      platform: "ios",
      deviceFamily: "iPhone",
      displayName: "Ada's iPhone",
    },
    role: ROLES.operator,
    scopes,
    remoteAddress,
    headers: { host: remoteAddress === LOOPBACK ? LOOPBACK_GATEWAY_HOST : LAN_GATEWAY_HOST },
    auth: "token",
  };
}

export function webchatTab(label: string): VirtualDeviceSpec {
  return {
    label,
    client: { id: IDS.WEBCHAT_UI, mode: MODES.WEBCHAT, platform: "web" },
    role: ROLES.operator,
    scopes: [S.read, S.write],
    remoteAddress: "192.168.1.30",
    headers: { host: LAN_GATEWAY_HOST, origin: SIMULATED_LAN_ORIGIN },
    auth: "token",
  };
}

/** The same device, now reaching the gateway from a LAN address. */
export function lan(spec: VirtualDeviceSpec, remoteAddress: string): VirtualDeviceSpec {
  return { ...spec, remoteAddress, headers: { ...spec.headers, host: LAN_GATEWAY_HOST } };
}
