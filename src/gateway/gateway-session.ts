import {
  ConnectErrorDetailCodes,
  GatewayBrowserDeviceAuthLifecycle,
  GatewayProtocolClient,
  GatewayProtocolRequestError,
  readConnectErrorDetailCode,
  type GatewayBrowserDeviceAuthPlan,
} from "@openclaw/gateway-client/browser";
import { PROTOCOL_VERSION, type ErrorShape, type EventFrame } from "../protocol";
import type { CredentialStore } from "./credential-store";
import type { DeviceIdentity } from "./device-identity";
import {
  clientInfo,
  DEFAULT_RECONNECT,
  type ReconnectPolicy,
  REQUESTED_ROLE,
  REQUESTED_SCOPES,
  reconnectDelayMs,
} from "./client-info";
import {
  describeConnectClose,
  describeConnectFailure,
  deviceIdentityProblem,
  unreachableProblem,
  type ProblemContext,
} from "./connect-problems";
import { createFrameScreen } from "./frame-screen";
import { openBrowserSocket, type WebSocketFactory } from "./socket";
import type { ConnectionStatus, ConnectProblem, ConnectSettings } from "./types";

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

// One connect() worth of wire client: handshake, device auth, reconnects, outcomes as statuses.

export type GatewaySession = {
  settings: ConnectSettings;
  client: GatewayProtocolClient<GatewayBrowserDeviceAuthPlan>;
};

export type SessionSink = {
  status(status: ConnectionStatus): void;
  event(event: EventFrame): void;
  resync(why: "hello" | "gap"): void;
  /** False once a newer connect() or a disconnect() replaced this session. */
  isCurrent(client: GatewaySession["client"]): boolean;
  /** A frame that is not JSON, not a frame, or not one a gateway sends. */
  unreadable(): void;
};

const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;

export function startGatewaySession(
  settings: ConnectSettings,
  deps: GatewayConnectionDeps,
  sink: SessionSink,
  /** Asked on top of REQUESTED_SCOPES after a person chose to elevate this session. */
  extraScopes: readonly string[] = [],
): GatewaySession {
  const now = deps.now ?? (() => Date.now());
  const setStatus = sink.status;
  const scopes = [...new Set([...REQUESTED_SCOPES, ...extraScopes])];
  const context: ProblemContext = {
    url: settings.url,
    pageOrigin: deps.pageOrigin ?? globalThis.location?.origin ?? "",
    secretKind: settings.secretKind,
    secret: settings.secret,
    scopes,
  };
  const lifecycle = new GatewayBrowserDeviceAuthLifecycle({
    loadIdentity: deps.loadIdentity,
    tokenStore: deps.credentials.deviceTokens(settings.url, settings.remember),
    nowMs: now,
  });
  const policy = deps.reconnect ?? DEFAULT_RECONNECT;
  const client = { ...clientInfo(deps.appVersion) };
  let attempt = 0;
  let originRefusals = 0;
  let lastProblem: ConnectProblem | undefined;
  let terminal = false;
  let localError: Error | undefined;

  const fail = (problem: ConnectProblem) => {
    terminal = true;
    setStatus({ kind: "failed", url: settings.url, problem });
  };
  /** Records a refused handshake; true when retrying cannot help. */
  const refused = (error: ErrorShape): boolean => {
    const problem = describeConnectFailure(error, context);
    // The gateway applies a new allowedOrigins entry without a restart: give the admin time.
    if (problem.kind === "origin-not-allowed") originRefusals += 1;
    if (TERMINAL.has(problem.kind) || originRefusals >= ORIGIN_REFUSALS_BEFORE_GIVING_UP) {
      fail(problem);
      return true;
    }
    lastProblem = problem;
    return false;
  };
  // The answer to `connect`: a fast close may be handled before the wire client's failure callback.
  let handshakeRefusal: ErrorShape | undefined;
  // The wire client drops unreadable frames silently; a person should learn updates may be missing.
  const unreadable = () => {
    if (sink.isCurrent(wire)) sink.unreadable();
  };
  const screen = createFrameScreen({ unreadable, refused: (error) => (handshakeRefusal = error) });

  const wire = new GatewayProtocolClient<GatewayBrowserDeviceAuthPlan>({
    createSocket: (handlers) => {
      handshakeRefusal = undefined;
      screen.opened();
      const message = (data: string) => screen.message(data, handlers.message);
      return openBrowserSocket(
        settings.url,
        { ...handlers, message },
        deps.createWebSocket,
        unreadable,
      );
    },
    createRequestId: deps.randomId ?? (() => crypto.randomUUID()),
    buildConnectPlan: ({ nonce, challengeTs }) =>
      lifecycle.buildPlan({
        client,
        role: REQUESTED_ROLE,
        defaultScopes: scopes,
        token: settings.secretKind === "token" ? settings.secret : undefined,
        password: settings.secretKind === "password" ? settings.secret : undefined,
        nonce,
        challengeTs,
      }),
    buildConnectParams: (plan) => ({
      minProtocol: PROTOCOL_VERSION,
      maxProtocol: PROTOCOL_VERSION,
      client,
      role: plan.role,
      scopes: plan.scopes,
      caps: [],
      commands: [],
      permissions: {},
      auth: plan.auth,
      device: plan.device,
      locale: globalThis.navigator?.language,
      userAgent: globalThis.navigator?.userAgent,
    }),
    onConnectPlanError: (error) => {
      fail(deviceIdentityProblem(error.message, context));
      return { closeCode: 1000, closeReason: "device identity unavailable", stop: true };
    },
    onConnectHello: (hello, { plan }) => {
      screen.hello();
      attempt = 0;
      lastProblem = undefined;
      // A failed write only costs a re-pair later; it must not fail the handshake.
      lifecycle.acceptHello(hello, plan).catch(() => undefined);
      const granted = hello.auth?.scopes ?? [];
      setStatus({
        kind: "connected",
        url: settings.url,
        scopes: [...granted],
        serverVersion: hello.server?.version,
        connId: hello.server?.connId,
        deviceId: plan.device?.id,
      });
      sink.resync("hello");
    },
    onConnectFailure: (error, { plan }) => {
      if (readConnectErrorDetailCode(error.details) === DEVICE_TOKEN_MISMATCH) {
        lifecycle.clearStoredToken(plan).catch(() => undefined);
      }
      if (refused(error)) return { closeCode: 1000, closeReason: "connect refused", stop: true };
      return {
        closeCode: 1000,
        closeReason: "connect failed",
        reconnectDelayMs: error.retryAfterMs,
      };
    },
    onConnectError: (error) => void (localError = error),
    // The WebSocket constructor itself threw (blocked by a content policy, bad address).
    onSocketFactoryError: () => fail(unreachableProblem(context)),
    resolveClose: (closed) => {
      if (terminal) return { retry: false, notify: true };
      const answered = closed.connectFailure?.error instanceof GatewayProtocolRequestError;
      let override = closed.connectFailure?.reconnectDelayMs;
      if (closed.helloReceived) lastProblem = undefined;
      else if (!answered && handshakeRefusal) {
        if (refused(handshakeRefusal)) return { retry: false, notify: true };
        override = handshakeRefusal.retryAfterMs;
      } else if (!answered) {
        const reason = closed.reason || (closed.socketOpened ? (localError?.message ?? "") : "");
        lastProblem = describeConnectClose({ ...closed, reason }, context);
      }
      localError = undefined;
      attempt += 1;
      const delay = override ?? reconnectDelayMs(policy, attempt);
      return { retry: true, notify: true, reconnectDelayMs: delay };
    },
    onClose: (_closed, decision) => {
      if (terminal || !decision.retry || !sink.isCurrent(wire)) return;
      const retryAtMs = now() + (decision.reconnectDelayMs ?? 0);
      const problem = lastProblem && { problem: lastProblem };
      setStatus({ kind: "reconnecting", url: settings.url, retryAtMs, attempt, ...problem });
    },
    onActivity: () => screen.used(),
    onEvent: (event) => sink.event(event as EventFrame),
    onGap: () => sink.resync("gap"),
    handshake: {
      mode: "require-challenge",
      timeoutMs: deps.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
    },
    reconnect: policy,
    requestTimeoutMs: deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    nowMs: now,
  });
  return { settings, client: wire };
}

const DEVICE_TOKEN_MISMATCH = ConnectErrorDetailCodes.AUTH_DEVICE_TOKEN_MISMATCH;

// Retrying cannot fix these (a pairing request can: the next try after approval gets in).
const TERMINAL = new Set<ConnectProblem["kind"]>([
  "wrong-secret",
  "protocol-mismatch",
  "device-identity",
  "rate-limited",
  "insufficient-scope",
]);
/** About 40 s of the default backoff: time to add the origin to allowedOrigins. */
export const ORIGIN_REFUSALS_BEFORE_GIVING_UP = 8;
