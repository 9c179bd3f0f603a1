import type { CredentialStore } from "./credential-store";
import type { DeviceIdentity } from "./device-identity";
import type { ReconnectPolicy } from "./client-info";
import { startGatewaySession, type GatewaySession } from "./gateway-session";
import { validateGatewayUrl, type WebSocketFactory } from "./socket";
import type { ConnectionStatus, GatewayConnection } from "./types";
import type { EventFrame } from "../protocol";

export type GatewayConnectionDeps = {
  credentials: CredentialStore;
  loadIdentity: () => Promise<DeviceIdentity>;
  /** Reported as client.version. */
  appVersion: string;
  createWebSocket?: WebSocketFactory;
  now?: () => number;
  /** The page's origin, named in the origin-not-allowed explanation. */
  pageOrigin?: string;
  reconnect?: ReconnectPolicy;
  requestTimeoutMs?: number;
  handshakeTimeoutMs?: number;
  randomId?: () => string;
};

export function createGatewayConnection(deps: GatewayConnectionDeps): GatewayConnection {
  const eventListeners = new Set<(event: EventFrame) => void>();
  const resyncListeners = new Set<(why: "hello" | "gap") => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = { kind: "idle" };
  let session: GatewaySession | undefined;

  const setStatus = (next: ConnectionStatus) => {
    status = next;
    notify(statusListeners, next);
  };
  const sink = {
    status: setStatus,
    event: (event: EventFrame) => notify(eventListeners, event),
    resync: (why: "hello" | "gap") => notify(resyncListeners, why),
    isCurrent: (client: GatewaySession["client"]) => session?.client === client,
  };

  return {
    get status() {
      return status;
    },
    get scopes() {
      return status.kind === "connected" ? status.scopes : [];
    },
    request<T>(method: string, params?: unknown, options?: { timeoutMs?: number }): Promise<T> {
      if (!session || status.kind !== "connected") {
        return Promise.reject(new Error("gateway not connected"));
      }
      return session.client.request<T>(method, params, options);
    },
    onEvent: (listener) => subscribe(eventListeners, listener),
    onResync: (listener) => subscribe(resyncListeners, listener),
    onStatus: (listener) => subscribe(statusListeners, listener),
    connect(settings) {
      session?.client.stop();
      session = undefined;
      const invalid = validateGatewayUrl(settings.url);
      if (invalid) {
        setStatus({ kind: "failed", url: settings.url, problem: invalid });
        return;
      }
      deps.credentials.save(settings);
      setStatus({ kind: "connecting", url: settings.url });
      session = startGatewaySession(settings, deps, sink);
      session.client.start();
    },
    disconnect() {
      const ending = session;
      session = undefined;
      ending?.client.stop();
      deps.credentials.pauseAutoConnect();
      setStatus(
        ending ? { kind: "disconnected", url: ending.settings.url } : { kind: "disconnected" },
      );
    },
  };
}

function notify<T>(listeners: Set<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error) {
      // A broken listener must not take the connection down; surface it as an uncaught error.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

function subscribe<T>(listeners: Set<T>, listener: T): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
