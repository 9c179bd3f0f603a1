import { EVENTS, METHODS, PROTOCOL_VERSION, ROLES } from "../../src/protocol";
import type { AuthMethod } from "../../src/policy/auth-methods";
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

/** The socket's authority as hello-ok states it; `deviceToken` only when one was handed out. */
export type HelloAuth = {
  method: AuthMethod;
  role: string;
  scopes: string[];
  deviceToken?: string;
  issuedAtMs?: number;
};

/** A stable opaque text for the same material (not a secret: it names a recovery scope). */
function opaque(material: string): string {
  let out = "";
  for (let round = 0; out.length < 43; round += 1) {
    let hash = 0x811c9dc5 ^ round;
    for (let index = 0; index < material.length; index += 1) {
      hash = Math.imul(hash ^ material.charCodeAt(index), 0x01000193) >>> 0;
    }
    out += hash.toString(36);
  }
  return out.slice(0, 43);
}

/**
 * An operator's hello names a recovery scope (the device token, else the shared secret and
 * device, else the device), and allows migrating it only when a device token came with it.
 */
function authBlock(connection: LiveConnection, auth: HelloAuth) {
  const deviceId = connection.session?.deviceId ?? "";
  const material = auth.deviceToken
    ? `device-token:${auth.deviceToken}`
    : auth.method === "token" || auth.method === "password"
      ? `shared-auth:${deviceId}`
      : deviceId
        ? `device:${deviceId}`
        : "";
  const operator = auth.role === ROLES.operator;
  return {
    method: auth.method,
    role: auth.role,
    scopes: auth.scopes,
    ...(operator && material ? { recoveryScope: opaque(material) } : {}),
    ...(operator && auth.deviceToken ? { recoveryMigrationAllowed: true } : {}),
    ...(auth.deviceToken ? { deviceToken: auth.deviceToken, issuedAtMs: auth.issuedAtMs } : {}),
  };
}

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
    auth: authBlock(connection, auth),
  };
}
