import type { Ingress } from "../../src/policy/ingress";
import type { ConnectionFacts, ConnectDecision, GatewayConfig, SocketSink } from "./types";
import type { CronTable } from "./methods/cron-table";
import type { Clock } from "./pairing";
import type { GatewayState } from "./state";

// What the gateway's parts share: configuration, state, clock and the live connections.

/** One socket after `accept`. `session` is set once hello-ok went out. */
export type LiveConnection = {
  connId: string;
  facts: ConnectionFacts;
  ingress: Ingress;
  sink: SocketSink;
  challenge: { nonce: string; ts: number };
  session?: {
    deviceId: string;
    role: string;
    scopes: string[];
    clientId: string;
    /** Authenticated with a device token: a non-admin then manages only its own device. */
    deviceTokenAuth: boolean;
  };
  seq: number;
  /** A node's connect: the capability request it filed or refreshed, if any. */
  nodeRequestId?: string;
  /** Role refusals in a row on this socket (the gateway closes after too many). */
  roleRefusals: number;
  closed: boolean;
};

export type CoreContext = {
  config: GatewayConfig;
  state: GatewayState;
  clock: Clock;
  startedAtMs: number;
  connections: Map<string, LiveConnection>;
  cron: CronTable;
  send(connection: LiveConnection, frame: unknown): void;
  /** hello-ok went out: the adapter may lift the socket's pre-auth frame limit. */
  admitted(connection: LiveConnection): void;
  close(connection: LiveConnection, code: number, reason: string): void;
  /** Sends one event to one connection, numbered in that connection's own sequence. */
  sendEvent(connection: LiveConnection, event: string, payload: unknown): void;
  /** Sends an event to every connection whose live scopes allow device.pair.* (spec §7). */
  broadcastPairingEvent(event: string, payload: unknown): void;
  isDeviceConnected(deviceId: string): boolean;
  /** Closes the device's sockets (optionally only those of one role), as the real gateway does. */
  disconnectDevice(deviceId: string, role?: string): void;
  recordDecision(decision: ConnectDecision): void;
};
