import type { Locality, PairedDevice, PendingRequest, PairingReason } from "../../src/protocol";

// The contract between the framework-free mock gateway core and its adapters
// (msw ws.link for the browser and tests, the real WebSocket server, simulated clients).

/** What an adapter knows about a connection before the first frame: socket and upgrade facts. */
export type ConnectionFacts = {
  /** The socket's remote address, e.g. "127.0.0.1", "::1", "192.168.1.20". */
  remoteAddress: string;
  /** HTTP upgrade request headers, names lower-cased: host, origin, forwarded, x-forwarded-for, … */
  headers: Record<string, string>;
};

export type GatewayAuthConfig =
  { mode: "token"; token: string } | { mode: "password"; password: string } | { mode: "none" };

export type GatewayConfig = {
  auth: GatewayAuthConfig;
  /** `gateway.autoApproveLocal`; undefined means true. */
  autoApproveLocal?: boolean;
  /** `gateway.controlUi.allowedOrigins`: extra browser origins for the Control UI. */
  allowedOrigins?: string[];
  /** Peers whose forwarding headers are trusted. */
  trustedProxies?: string[];
  /** Reported as hello-ok `server.version`. */
  version?: string;
};

/** The persisted part of the gateway: `pending.json` and `paired.json`. */
export type PersistedState = {
  pending: StoredPendingRequest[];
  paired: StoredPairedDevice[];
};

/** A pending request plus the bookkeeping the gateway keeps about it (never sent as is). */
export type StoredPendingRequest = PendingRequest & {
  /** Last refresh; the request expires PAIRING_REQUEST_TTL_MS after it. */
  refreshedAtMs: number;
  /** Why it exists, for the simulator panel and tests; not part of the wire object. */
  reason: PairingReason;
};

/**
 * A paired device plus its token secrets (secrets never leave the gateway in lists). A rename
 * is stored as `operatorLabel`, the real gateway's field (it never sends `label`).
 */
export type StoredPairedDevice = PairedDevice & {
  operatorLabel?: string;
  tokenSecrets: { role: string; token: string; issuer?: "shared-secret" }[];
};

export interface StateStore {
  load(): Promise<PersistedState | undefined>;
  /** Must be atomic: a crash mid-write keeps the previous state whole. */
  save(state: PersistedState): Promise<void>;
}

/** What the rules decided for one connect, for the developer panel, simulator and tests. */
export type ConnectDecision = {
  at: number;
  connId: string;
  clientId: string;
  clientMode: string;
  deviceId?: string;
  ingress: "direct-local" | "direct-remote" | "refused";
  locality?: Locality;
  localityWhy?: string;
  reason?: PairingReason | "none";
  silent?: boolean;
  silentWhy?: string;
  requestId?: string;
  outcome: "hello" | "pending" | "refused";
  errorCode?: string;
  detailCode?: string;
};

/** The adapter's side of one socket. */
export type SocketSink = {
  send(text: string): void;
  close(code: number, reason: string): void;
  /** The socket said hello: a real socket may now take frames up to hello-ok's maxPayload. */
  admitted?(): void;
};

export type AcceptResult =
  { refused: { status: 403; reason: string } } | { connection: GatewayConnectionHandle };

export type GatewayConnectionHandle = {
  connId: string;
  /** One incoming text frame. Never throws. */
  receive(text: string): void;
  /** The adapter saw the socket close. */
  closed(): void;
};

export interface MockGateway {
  readonly config: GatewayConfig;
  /** A new socket: refused (HTTP 403, nothing reaches the handshake) or accepted (challenge sent). */
  accept(facts: ConnectionFacts, sink: SocketSink): AcceptResult;
  /** Current pending (unexpired) and paired, as `device.pair.list` would answer. */
  list(): { pending: PendingRequest[]; paired: PairedDevice[] };
  /** Every connect decision so far (bounded), newest last. */
  decisions(): readonly ConnectDecision[];
  onDecision(listener: (decision: ConnectDecision) => void): () => void;
  /** Forget every device and request, and persist that. */
  reset(): Promise<void>;
  /** Close every socket (1012 service restart) and reload state from the store, as a real restart. */
  restart(): Promise<void>;
  /** Flush pending writes (tests and shutdown). */
  flush(): Promise<void>;
}

export type MockGatewayOptions = {
  config: GatewayConfig;
  store: StateStore;
  now?: () => number;
  randomId?: () => string;
};
