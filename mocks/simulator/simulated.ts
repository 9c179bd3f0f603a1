import type { ErrorShape, ResponseFrame } from "../../src/protocol";
import type { ConnectDecision } from "../core/types";
import type { DeviceIdentity } from "./device-identity";
import type { DeviceSession } from "./device-client";

// What a simulated device is and what its connect came to (shared by the simulator and the
// scenarios it runs).

export type VirtualDeviceSpec = {
  /** Names the device inside the simulator; the same label reuses the same identity. */
  label: string;
  client: {
    id: string;
    mode: string;
    platform: string;
    deviceFamily?: string;
    displayName?: string;
  };
  role: string;
  scopes: string[];
  remoteAddress: string;
  /** Upgrade headers (lower-case names); `host` defaults to the default gateway URL's host. */
  headers?: Record<string, string>;
  auth: "token" | "password" | "none" | "device-token" | "wrong-token";
  /** A node's declared surface. */
  caps?: string[];
  commands?: string[];
  /** Reuse to model the same device coming back. */
  identity?: DeviceIdentity;
};

/** A method call a scenario made on an open session, and what the gateway answered. */
export type SimulatedCall = { method: string; response: ResponseFrame };

export type SimulatedResult = {
  spec: VirtualDeviceSpec;
  deviceId: string;
  outcome: "hello" | "pending" | "refused";
  requestId?: string;
  error?: ErrorShape;
  decision?: ConnectDecision;
  session?: DeviceSession;
  calls?: SimulatedCall[];
};

export type ScenarioContext = {
  connect(spec: VirtualDeviceSpec): Promise<SimulatedResult>;
  /** Labels in a burst get a `#n` suffix so each run is a different device. */
  label(base: string): string;
};
