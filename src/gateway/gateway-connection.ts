import {
  startGatewaySession,
  type GatewayConnectionDeps,
  type GatewaySession,
} from "./gateway-session";

export type { GatewayConnectionDeps };
import { validateGatewayUrl } from "./socket";
import type { ConnectionStatus, ConnectSettings, GatewayConnection } from "./types";
import { METHODS, type EventFrame } from "../protocol";
import { elevationRoute } from "./elevation";
import { normalizeScopes } from "../policy";

/** Unreadable frames may have been lost events: re-read state, at most this often. */
const UNREADABLE_RESYNC_MS = 250;

export function createGatewayConnection(deps: GatewayConnectionDeps): GatewayConnection {
  const eventListeners = new Set<(event: EventFrame) => void>();
  const unreadableListeners = new Set<(count: number) => void>();
  const resyncListeners = new Set<(why: "hello" | "gap") => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = { kind: "idle" };
  let session: GatewaySession | undefined;
  // Asked for until a reload or a new connect; the gateway's record keeps them regardless.
  let extraScopes: string[] = [];
  let unreadable = 0;
  let unreadableNotice: Promise<void> | undefined;
  let resyncTimer: ReturnType<typeof setTimeout> | undefined;

  // A flood of bad frames must not become a flood of renders: listeners hear once per task.
  const countUnreadable = (count: number) => {
    if (count <= 0) return;
    unreadable += count;
    unreadableNotice ??= Promise.resolve().then(() => {
      unreadableNotice = undefined;
      notify(unreadableListeners, unreadable);
    });
  };
  const resetUnreadable = () => {
    clearTimeout(resyncTimer);
    resyncTimer = undefined;
    if (unreadable === 0) return;
    unreadable = 0;
    notify(unreadableListeners, 0);
  };

  const setStatus = (next: ConnectionStatus) => {
    status = next;
    notify(statusListeners, next);
  };
  const sink = {
    status: setStatus,
    event: (event: EventFrame) => notify(eventListeners, event),
    resync: (why: "hello" | "gap") => notify(resyncListeners, why),
    isCurrent: (client: GatewaySession["client"]) => session?.client === client,
    unreadable: () => {
      countUnreadable(1);
      // Whatever it was, it may have been an event we now miss: read the state again.
      if (status.kind !== "connected" || resyncTimer) return;
      resyncTimer = setTimeout(() => {
        resyncTimer = undefined;
        if (status.kind === "connected") notify(resyncListeners, "gap");
      }, UNREADABLE_RESYNC_MS);
    },
  };

  const start = (settings: ConnectSettings, reconnecting = false) => {
    session?.client.stop();
    session = undefined;
    resetUnreadable();
    const invalid = validateGatewayUrl(settings.url);
    if (invalid) {
      setStatus({ kind: "failed", url: settings.url, problem: invalid });
      return;
    }
    deps.credentials.save(settings);
    // Widening a live session is a reconnect: screens stay up instead of the connect form.
    setStatus(
      reconnecting
        ? {
            kind: "reconnecting",
            url: settings.url,
            retryAtMs: (deps.now ?? Date.now)(),
            attempt: 0,
          }
        : { kind: "connecting", url: settings.url },
    );
    session = startGatewaySession(settings, deps, sink, extraScopes);
    session.client.start();
  };

  // Removing its own record needs only operator.pairing; the next connect is a new pairing.
  const pairAgain = (settings: ConnectSettings) =>
    void deps
      .loadIdentity()
      .then((own) => connection.request(METHODS.pairRemove, { deviceId: own.deviceId }))
      .catch(() => undefined)
      .then(() => start(settings, true));

  const connection: GatewayConnection = {
    get status() {
      return status;
    },
    get scopes() {
      return status.kind === "connected" ? status.scopes : [];
    },
    get unreadableFrames() {
      return unreadable;
    },
    onUnreadable: (listener) => subscribe(unreadableListeners, listener),
    reportUnreadable: (count = 1) => countUnreadable(count),
    request<T>(method: string, params?: unknown, options?: { timeoutMs?: number }): Promise<T> {
      if (!session || status.kind !== "connected") {
        return Promise.reject(new Error("gateway not connected"));
      }
      return session.client.request<T>(method, params, options);
    },
    onEvent: (listener) => subscribe(eventListeners, listener),
    onResync: (listener) => subscribe(resyncListeners, listener),
    onStatus: (listener) => subscribe(statusListeners, listener),
    get extraScopes() {
      return extraScopes;
    },
    connect(settings) {
      extraScopes = [];
      start(settings);
    },
    requestScopes(extra) {
      const settings = session?.settings;
      if (!settings) return;
      extraScopes = normalizeScopes([...extraScopes, ...extra]);
      const version = status.kind === "connected" ? status.serverVersion : undefined;
      if (elevationRoute(settings.url, version) !== "pair-again") return start(settings, true);
      pairAgain(settings);
    },
    narrowScopes() {
      const settings = session?.settings;
      if (!settings) return;
      extraScopes = [];
      pairAgain(settings);
    },
    disconnect() {
      const ending = session;
      session = undefined;
      extraScopes = [];
      ending?.client.stop();
      clearTimeout(resyncTimer);
      resyncTimer = undefined;
      deps.credentials.pauseAutoConnect();
      setStatus(
        ending ? { kind: "disconnected", url: ending.settings.url } : { kind: "disconnected" },
      );
    },
  };
  return connection;
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
  return () => void listeners.delete(listener);
}
