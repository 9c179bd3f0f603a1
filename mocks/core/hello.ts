import { EVENTS, METHODS, PROTOCOL_VERSION } from "../../src/protocol";
import type { CoreContext, LiveConnection } from "./context";

// The hello-ok payload (spec §2), complete enough to pass the protocol's HelloOkSchema.

const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;
const MAX_BUFFERED_BYTES = 50 * 1024 * 1024;
const TICK_INTERVAL_MS = 30_000;

export const FEATURE_METHODS: readonly string[] = Object.values(METHODS).filter(
  (method) => method !== METHODS.connect,
);
export const FEATURE_EVENTS: readonly string[] = [
  EVENTS.pairChanged,
  EVENTS.pairRequested,
  EVENTS.pairResolved,
];

export type HelloAuth = {
  role: string;
  scopes: string[];
  deviceToken?: string;
  issuedAtMs?: number;
};

export function buildHelloOk(ctx: CoreContext, connection: LiveConnection, auth: HelloAuth) {
  const now = ctx.clock.now();
  return {
    type: "hello-ok" as const,
    protocol: PROTOCOL_VERSION,
    server: { version: ctx.config.version ?? "2026.9.6-mock", connId: connection.connId },
    features: { methods: [...FEATURE_METHODS], events: [...FEATURE_EVENTS] },
    snapshot: {
      presence: [],
      health: { ok: true as const, ts: now },
      stateVersion: { presence: 0, health: 0 },
      uptimeMs: Math.max(0, now - ctx.startedAtMs),
      authMode: ctx.config.auth.mode,
    },
    policy: {
      maxPayload: MAX_PAYLOAD_BYTES,
      maxBufferedBytes: MAX_BUFFERED_BYTES,
      tickIntervalMs: TICK_INTERVAL_MS,
    },
    auth,
  };
}
