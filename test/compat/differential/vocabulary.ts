// The differential tester's vocabulary: every operation is plain data, so a sequence can be
// generated, shrunk, printed and replayed, and the interpreter (interpreter.ts) is the only
// place that knows how to perform one. To add a kind of operation, add a variant here, its
// generator in arbitraries.ts and its case in interpreter.ts.

/** Which gateway pair a sequence runs against; both have one extra allowed Control UI origin. */
export type GatewayAuthMode = "token" | "password";

export type ClientProfile = {
  id: string;
  mode: string;
  platform: string;
  deviceFamily?: string;
  displayName?: string;
};

/** The browser Origin header on the upgrade request. */
export type OriginChoice = "none" | "loopback" | "localhost" | "allowed" | "unlisted" | "lan";

/** Other upgrade headers: the Host the client used, or a proxy's forwarding header. */
export type NetworkChoice = "direct" | "private-host" | "named-host" | "forwarded";

/** What the connect frame's `auth` carries. */
export type AuthChoice =
  | "shared"
  | "wrong-shared"
  | "none"
  | "device-token"
  | "device-token-as-token"
  | "shared-and-device-token"
  | "wrong-device-token"
  | "swapped-field";

/** A good device proof, or one that is wrong in exactly one way. */
export type ProofChoice =
  | "good"
  | "skewed-ok"
  | "stale"
  | "future"
  | "wrong-nonce"
  | "missing-nonce"
  | "other-key"
  | "bad-signature"
  | "wrong-token-signed"
  | "wrong-device-id"
  | "bad-public-key"
  | "no-device";

export type ConnectOp = {
  op: "connect";
  /** Index into the sequence's devices. */
  device: number;
  /** Fields that differ from the device's profile on this connect (metadata changes). */
  client?: Partial<ClientProfile>;
  role: string;
  /** Undefined sends no `scopes` at all. */
  scopes?: string[];
  auth: AuthChoice;
  origin: OriginChoice;
  /** Undefined: a direct loopback connect to 127.0.0.1. */
  network?: NetworkChoice;
  proof: ProofChoice;
  protocol?: { min: number; max: number };
  /** A node's declared commands (sent with caps ["system"]); undefined sends neither. */
  commands?: string[];
  /** Keep the session open afterwards: it then sees events and can make calls. */
  keep: boolean;
};

/** A value resolved at run time from what this gateway said so far. */
export type Ref =
  | { ref: "request"; device: number; which: "latest" | "first" }
  | { ref: "device"; device: number }
  | { ref: "admin-device" }
  | { ref: "unknown-request" }
  | { ref: "unknown-device" };

export type ParamValue = Ref | string | number | boolean | null | string[];

export type CallOp = {
  op: "call";
  /** "admin", or an index into the sessions kept open (modulo their number). */
  session: "admin" | number;
  method: string;
  /** Undefined sends a request without `params`. */
  params?: Record<string, ParamValue> | ParamValue;
};

export type RawFrame =
  | { kind: "text"; text: string }
  | { kind: "binary"; text: string }
  /** `bytes` of a JSON string, so the size is exact and the frame is valid JSON. */
  | { kind: "oversized"; bytes: number }
  /** A request frame whose `params` are written out as given (e.g. a broken connect). */
  | { kind: "request"; method: string; params?: unknown; id?: unknown };

export type FrameOp = {
  op: "frame";
  /** "fresh": the first frame of a new socket; otherwise a kept session (modulo). */
  session: "fresh" | number;
  frame: RawFrame;
};

export type CloseOp = { op: "close"; session: number };

export type Op = ConnectOp | CallOp | FrameOp | CloseOp;

export type Sequence = {
  gateway: GatewayAuthMode;
  /** The observer every sequence starts with: a loopback CLI, silently paired. */
  adminScopes: string[];
  devices: ClientProfile[];
  ops: Op[];
};

/** The extra origin both gateway pairs list in gateway.controlUi.allowedOrigins. */
export const ALLOWED_EXTRA_ORIGIN = "https://pairdesk.example";

export const NETWORK_HEADERS: Readonly<Record<NetworkChoice, Record<string, string>>> = {
  direct: {},
  "private-host": { host: "192.168.1.10:18789" },
  "named-host": { host: "gateway.example:18789" },
  forwarded: { "x-forwarded-for": "10.0.0.5" },
};

export const ORIGIN_HEADERS: Readonly<Record<OriginChoice, string | undefined>> = {
  none: undefined,
  loopback: "http://127.0.0.1:5173",
  localhost: "http://localhost:5173",
  allowed: ALLOWED_EXTRA_ORIGIN,
  unlisted: "https://example.com",
  lan: "http://192.168.1.20:5173",
};
