import { WebSocket, type RawData } from "ws";
import { EVENTS, OPERATOR_SCOPES, ROLES } from "../../src/protocol";
import { startWsServer, type WsServerHandle } from "./ws-server";

// What a hostile gateway sends, for the hostile-gateway tests in jsdom and in Chromium: list
// answers carrying far-future times, hidden characters in scopes and 10,000-character values,
// then live events doing the same and frames that are no frames at all. The handshake itself is
// relayed from the mock gateway, so the app meets a gateway that authenticated properly.

const FAR_FUTURE = 1e16;
export const HIDDEN_SCOPES = ["operator.admin\u202E", "operator.\u200Bread"];
export const LONG_ORIGIN = `https://${"o".repeat(10_000)}\u202E.example`;
const LONG = "W".repeat(10_000);

/** The names the tests look for; the far-future ones must never show. */
export const HOSTILE_NAMES = {
  farRequest: "Asks from the far future",
  hiddenScopes: "Asks for hidden scopes",
  longOrigin: "Opened from a long origin",
  farSeen: "Seen in the far future",
  longDevice: "Long in every field",
};

const idFor = (label: string) => Buffer.from(label).toString("hex").padEnd(64, "0").slice(0, 64);

function request(name: string, now: number, extra: Record<string, unknown> = {}) {
  return {
    requestId: `hostile-${idFor(name).slice(0, 12)}`,
    deviceId: idFor(name),
    publicKey: "",
    displayName: name,
    platform: "web",
    clientId: "openclaw-control-ui",
    clientMode: "webchat",
    role: ROLES.operator,
    roles: [ROLES.operator],
    scopes: [OPERATOR_SCOPES.read],
    remoteIp: "203.0.113.9",
    silent: false,
    isRepair: false,
    ts: now - 1_000,
    ...extra,
  };
}

function device(name: string, now: number, extra: Record<string, unknown> = {}) {
  return {
    deviceId: idFor(name),
    publicKey: "",
    displayName: name,
    clientId: "openclaw-control-ui",
    clientMode: "webchat",
    role: ROLES.operator,
    roles: [ROLES.operator],
    scopes: [OPERATOR_SCOPES.read],
    createdAtMs: now - 60_000,
    approvedAtMs: now - 60_000,
    tokens: [{ role: ROLES.operator, scopes: [OPERATOR_SCOPES.read], createdAtMs: now }],
    ...extra,
  };
}

export function hostileList(now: number) {
  const n = HOSTILE_NAMES;
  return {
    pending: [
      request(n.farRequest, now, { ts: FAR_FUTURE }),
      // Hidden characters in the device id too: they reach the fingerprint.
      request(n.hiddenScopes, now, {
        scopes: HIDDEN_SCOPES,
        deviceId: `ab\u202Ecd${"e".repeat(60)}`,
      }),
      // Not the Control UI, so the origin is quoted in "why it was not approved automatically".
      request(n.longOrigin, now, {
        clientId: "cli",
        clientMode: "cli",
        browserOrigin: LONG_ORIGIN,
        remoteIp: LONG,
        platform: LONG,
      }),
    ],
    paired: [
      device(n.farSeen, now, { lastSeenAtMs: FAR_FUTURE, createdAtMs: FAR_FUTURE }),
      device(n.longDevice, now, {
        platform: LONG,
        deviceFamily: LONG,
        clientId: LONG,
        remoteIp: LONG,
        lastSeenReason: LONG,
        roles: [ROLES.operator, "r".repeat(200)],
        scopes: [OPERATOR_SCOPES.read, ...HIDDEN_SCOPES],
      }),
    ],
  };
}

/** A frame from the gateway with the hostile records added to any `device.pair.list` answer. */
export function withHostileList(text: string, now: number): string {
  if (!text.includes('"pending"')) return text;
  const frame = JSON.parse(text) as { type?: string; payload?: Record<string, unknown> };
  const payload = frame.payload;
  if (frame.type !== "res" || !Array.isArray(payload?.pending) || !Array.isArray(payload.paired)) {
    return text;
  }
  const hostile = hostileList(now);
  return JSON.stringify({
    ...frame,
    payload: {
      ...payload,
      pending: [...payload.pending, ...hostile.pending],
      paired: [...payload.paired, ...hostile.paired],
    },
  });
}

/** Live events and malformed frames, sent once the handshake is done. */
export function hostileFrames(now: number): (string | Uint8Array)[] {
  const event = (event: string, payload: unknown) =>
    JSON.stringify({ type: "event", event, payload });
  return [
    event(EVENTS.pairRequested, request("Live far future", now, { ts: FAR_FUTURE })),
    event(EVENTS.pairRequested, request("Live hidden scopes", now, { scopes: HIDDEN_SCOPES })),
    event(EVENTS.pairResolved, { requestId: "x", deviceId: "y", decision: "approved", ts: -1e16 }),
    event(EVENTS.pairRequested, { ...request("No time at all", now), ts: Number.NaN }),
    "not json at all",
    '{"type":"event","event":',
    `${"[".repeat(10_000)}${"]".repeat(10_000)}`,
    JSON.stringify({ type: "res", id: "never-asked", ok: true, payload: FAR_FUTURE }),
    JSON.stringify({ type: "event", event: LONG, payload: LONG }),
    new Uint8Array([0, 159, 146, 150, 255]),
  ];
}

export type HostileGateway = WsServerHandle;

/**
 * A hostile gateway on its own port: relays each socket to `upstream` (the mock gateway, which
 * runs the real handshake), adds the hostile records to every list answer, and sends the hostile
 * frames right after hello-ok.
 */
export function startHostileGateway(upstream: string): Promise<HostileGateway> {
  return startWsServer((browser, upgrade) => {
    const gateway = new WebSocket(upstream, { origin: upgrade.headers.origin });
    const early: RawData[] = [];
    const text = (data: RawData) =>
      (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString();
    browser.on("message", (data) =>
      gateway.readyState === WebSocket.OPEN ? gateway.send(text(data)) : early.push(data),
    );
    gateway.on("open", () => early.splice(0).forEach((data) => gateway.send(text(data))));
    gateway.on("message", (data) => {
      const frame = text(data);
      browser.send(withHostileList(frame, Date.now()));
      if (frame.includes('"hello-ok"')) hostileFrames(Date.now()).forEach((f) => browser.send(f));
    });
    gateway.on("close", (code, reason) => {
      try {
        browser.close(code, reason);
      } catch {
        browser.close(); // a code no endpoint may send (1005, 1006)
      }
    });
    gateway.on("error", () => browser.terminate());
    browser.on("close", () => gateway.close());
  });
}
