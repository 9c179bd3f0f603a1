import { expect } from "vitest";
import { createCredentialStore } from "../../../src/gateway/credential-store";
import {
  createDeviceIdentityLoader,
  createMemoryKeyStore,
} from "../../../src/gateway/device-identity";
import { createGatewayConnection } from "../../../src/gateway/gateway-connection";
import type { ConnectionStatus, GatewayConnection } from "../../../src/gateway/types";
import { buildEvent, buildResult, parseFrame, type RequestFrame } from "../../../src/protocol";
import { memoryStorage } from "./memory-storage";

// A scripted socket: the test plays the gateway, frame by frame.
export class FakeSocket extends EventTarget {
  readyState = 0;
  sent: RequestFrame[] = [];
  closedByClient = false;
  constructor(readonly url: string) {
    super();
  }
  send(text: string) {
    const parsed = parseFrame(text);
    if (parsed.ok && parsed.frame.type === "req") this.sent.push(parsed.frame);
  }
  close() {
    this.closedByClient = true;
    this.drop(1000);
  }
  open() {
    this.readyState = 1;
    this.dispatchEvent(new Event("open"));
  }
  receive(frame: unknown) {
    this.receiveText(JSON.stringify(frame));
  }
  receiveText(text: string) {
    this.dispatchEvent(new MessageEvent("message", { data: text }));
  }
  drop(code: number) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.dispatchEvent(Object.assign(new Event("close"), { code, reason: "" }));
  }
}

export const URL_A = "ws://127.0.0.1:18789";
export const SECRET = "shared-token-0123";
const opened = new Set<GatewayConnection>();

/** Disconnects every connection setup() opened (for afterEach). */
export function disconnectAll() {
  opened.forEach((connection) => connection.disconnect());
  opened.clear();
}

export function setup() {
  const sockets: FakeSocket[] = [];
  let clock = 1_000_000;
  const statuses: ConnectionStatus[] = [];
  const resyncs: string[] = [];
  const connection = createGatewayConnection({
    credentials: createCredentialStore({ session: memoryStorage(), local: memoryStorage() }),
    loadIdentity: createDeviceIdentityLoader(createMemoryKeyStore()),
    appVersion: "9.9.9",
    pageOrigin: "http://localhost:5173",
    now: () => clock,
    reconnect: { initialMs: 800, multiplier: 1.7, maxMs: 15_000 },
    createWebSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
  opened.add(connection);
  connection.onStatus((status) => statuses.push(status));
  connection.onResync((why) => resyncs.push(why));
  connection.connect({ url: URL_A, secret: SECRET, secretKind: "token", remember: false });
  const tick = (ms: number) => void (clock += ms);
  return { connection, sockets, statuses, resyncs, tick };
}

export async function handshake(
  socket: FakeSocket,
  scopes = ["operator.read", "operator.pairing"],
  version = "2026.9.6",
) {
  socket.open();
  socket.receive(buildEvent("connect.challenge", { nonce: "nonce-1", ts: 1_000_000 }));
  await expect.poll(() => socket.sent.length).toBe(1);
  const connect = socket.sent[0]!;
  socket.receive(
    buildResult(connect.id, {
      type: "hello-ok",
      protocol: 4,
      server: { version, connId: "c1" },
      features: { methods: [], events: [] },
      auth: { method: "token", role: "operator", scopes, deviceToken: "dev-token" },
    }),
  );
  return connect;
}
