import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
} from "@openclaw/gateway-protocol/client-info";
import {
  connectDevice,
  type DeviceConnectOptions,
  type DeviceConnectOutcome,
  type HelloOkPayload,
} from "../../../mocks/simulator/device-client";
import {
  createDeviceIdentity,
  type DeviceIdentity,
} from "../../../mocks/simulator/device-identity";
import { openWsTransport } from "../../../mocks/simulator/ws-transport";
import { DETAIL_CODES, ROLES } from "../../../src/protocol";
import type { MockGatewayProcess } from "./mock-gateway-process";

// Other devices, simulated from Node over real sockets to the mock gateway process. From
// here every socket is loopback; a browser Origin from a client that is not the Control UI
// is what makes the rules refuse a silent approval (spec §5), so that stands in for "remote".
// It must be a loopback origin: the real gateway refuses every client whose non-loopback
// Origin is not in allowedOrigins (CONTROL_UI_ORIGIN_NOT_ALLOWED), leaving nothing pending.

/** A page on another local port that opened a socket to the gateway. */
export const ELSEWHERE_ORIGIN = "http://localhost:5999";

export type SimulatedDevice = {
  /** The display name the request list shows. */
  name: string;
  identity: DeviceIdentity;
  client: DeviceConnectOptions["client"];
};

/** A node-host cron job on the gateway's machine. */
export async function cronJob(name: string): Promise<SimulatedDevice> {
  return {
    name,
    identity: await createDeviceIdentity(),
    client: { id: IDS.NODE_HOST, mode: MODES.BACKEND, platform: "linux", displayName: name },
  };
}

/** The Android app: paired at home, later reaching the gateway through a browser page. */
export async function phone(name: string): Promise<SimulatedDevice> {
  return {
    name,
    identity: await createDeviceIdentity(),
    client: {
      id: IDS.ANDROID_APP,
      mode: MODES.UI,
      platform: "android",
      deviceFamily: "Pixel",
      displayName: name,
    },
  };
}

export type ConnectVia = {
  /** Sent as the upgrade's Origin header. */
  origin?: string;
  role?: string;
};

export async function connectAs(
  gateway: MockGatewayProcess,
  device: SimulatedDevice,
  scopes: string[],
  via: ConnectVia = {},
): Promise<DeviceConnectOutcome> {
  const transport = await openWsTransport(
    gateway.url,
    via.origin ? { Origin: via.origin } : undefined,
  );
  return connectDevice(transport, {
    identity: device.identity,
    client: device.client,
    role: via.role ?? ROLES.operator,
    scopes,
    auth: { token: gateway.token },
  });
}

/** Connects, expects hello-ok, hangs up; returns the hello (its auth.scopes is the grant). */
export async function connectExpectingHello(
  gateway: MockGatewayProcess,
  device: SimulatedDevice,
  scopes: string[],
  via: ConnectVia = {},
): Promise<HelloOkPayload> {
  const outcome = await connectAs(gateway, device, scopes, via);
  if (outcome.kind !== "hello") {
    throw new Error(`${device.name} was refused: ${JSON.stringify(outcome.error)}`);
  }
  outcome.session.close();
  await outcome.session.closed;
  return outcome.hello;
}

/** Connects through a browser origin, expects the pairing refusal; returns its requestId. */
export async function askForPairing(
  gateway: MockGatewayProcess,
  device: SimulatedDevice,
  scopes: string[],
  via: ConnectVia = { origin: ELSEWHERE_ORIGIN },
): Promise<string> {
  const outcome = await connectAs(gateway, device, scopes, via);
  if (outcome.kind === "hello") {
    outcome.session.close();
    throw new Error(`${device.name} was let in without pairing`);
  }
  const details = outcome.error.details as { code?: string; requestId?: string } | undefined;
  if (details?.code !== DETAIL_CODES.pairingRequired || !details.requestId) {
    throw new Error(
      `${device.name}: expected a pairing refusal, got ${JSON.stringify(outcome.error)}`,
    );
  }
  return details.requestId;
}
