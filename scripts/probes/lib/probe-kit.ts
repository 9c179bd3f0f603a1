import {
  connectDevice,
  TransportRefusedError,
  type DeviceConnectOptions,
  type DeviceConnectOutcome,
  type DeviceSession,
} from "../../../mocks/simulator/device-client";
import {
  createDeviceIdentity,
  type DeviceIdentity,
} from "../../../mocks/simulator/device-identity";
import { openWsTransport } from "../../../mocks/simulator/ws-transport";
import type { EventFrame, ResponseFrame } from "../../../src/protocol";
import { startProbeGateway, type ProbeGateway } from "./probe-gateway";
import { storedDevice } from "./probe-store";

// What every probe shares: a gateway, named device identities, one admin session, and a log
// of frames with secrets redacted and ids shortened so they can be pasted into the docs.

export const SCOPE = {
  read: "operator.read",
  write: "operator.write",
  admin: "operator.admin",
  pairing: "operator.pairing",
  approvals: "operator.approvals",
} as const;

export const CLIENTS = {
  nodeHost: { id: "node-host", mode: "node", platform: "linux" },
  cli: { id: "cli", mode: "cli", platform: "linux" },
  controlUi: { id: "openclaw-control-ui", mode: "webchat", platform: "web" },
} as const;

export type Client = DeviceConnectOptions["client"];

export type ConnectOptions = {
  client?: Client;
  role?: string;
  scopes?: string[];
  /** Default: the shared token. */
  auth?: DeviceConnectOptions["auth"];
  headers?: Record<string, string>;
  caps?: string[];
  commands?: string[];
  permissions?: Record<string, boolean>;
  /** Leave a successful session open (default: close it after hello-ok). */
  keepOpen?: boolean;
  /** Do not print the outcome. */
  quiet?: boolean;
};

export type Outcome = DeviceConnectOutcome | { kind: "upgrade-refused"; status: number };

const SECRET_KEYS = new Set([
  "token",
  "deviceToken",
  "bootstrapToken",
  "recoveryScope",
  "signature",
  "setupCode",
  "qrDataUrl",
  "joinUrl",
]);
const HEX_ID = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PUBLIC_KEY = /^[A-Za-z0-9_-]{43}$/;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Probe {
  readonly identities = new Map<string, DeviceIdentity>();
  private readonly names = new Map<string, string>();
  private readonly started = Date.now();
  private readonly secrets: string[] = [];

  private constructor(
    readonly title: string,
    readonly gateway: ProbeGateway,
    public admin: DeviceSession,
  ) {
    this.secrets.push(gateway.token);
  }

  static async start(title: string, config?: Record<string, unknown>): Promise<Probe> {
    console.log(`# ${title}`);
    const gateway = await startProbeGateway({ config, log: (line) => console.log(`> ${line}`) });
    const identity = await createDeviceIdentity();
    try {
      const probe = new Probe(title, gateway, await connectAdmin(gateway, identity));
      probe.identities.set("admin", identity);
      probe.names.set(identity.deviceId, "admin");
      return probe;
    } catch (error) {
      await gateway.stop();
      throw error;
    }
  }

  /** Restarts the gateway on the same state and port; the admin session reconnects. */
  async restartGateway(): Promise<void> {
    this.admin.close();
    await this.gateway.restart();
    const identity = this.identities.get("admin");
    if (!identity) throw new Error("no admin identity");
    this.admin = await connectAdmin(this.gateway, identity);
  }

  /** A value that must never be printed (it is replaced wherever it appears). */
  addSecret(secret: string): void {
    this.secrets.push(secret);
  }

  async identity(label: string): Promise<DeviceIdentity> {
    let identity = this.identities.get(label);
    if (!identity) {
      identity = await createDeviceIdentity();
      this.identities.set(label, identity);
      this.names.set(identity.deviceId, label);
    }
    return identity;
  }

  /** Replaces an identity (same label, new key pair): a client that lost its state. */
  async newKey(label: string): Promise<DeviceIdentity> {
    this.identities.delete(label);
    return this.identity(label);
  }

  deviceId(label: string): string {
    const identity = this.identities.get(label);
    if (!identity) throw new Error(`no identity ${label}`);
    return identity.deviceId;
  }

  async connect(label: string, options: ConnectOptions = {}): Promise<Outcome> {
    const identity = await this.identity(label);
    let outcome: Outcome;
    try {
      outcome = await connectDevice(await openWsTransport(this.gateway.url, options.headers), {
        identity,
        client: options.client ?? CLIENTS.nodeHost,
        role: options.role ?? "operator",
        scopes: options.scopes ?? [SCOPE.read],
        auth: options.auth ?? { token: this.gateway.token },
        ...(options.caps ? { caps: options.caps } : {}),
        ...(options.commands ? { commands: options.commands } : {}),
        ...(options.permissions ? { permissions: options.permissions } : {}),
      });
    } catch (error) {
      if (!(error instanceof TransportRefusedError)) throw error;
      outcome = { kind: "upgrade-refused", status: error.status };
    }
    if (outcome.kind === "hello") {
      const secret = outcome.hello.auth.deviceToken;
      if (secret) this.secrets.push(secret);
      if (!options.keepOpen) outcome.session.close();
    }
    if (!options.quiet) this.print(`connect ${label}`, summarize(outcome));
    return outcome;
  }

  /**
   * A connect, then what an admin can learn about it: the device.pair.* events and the
   * pending record (when the refusal names a request).
   */
  async ask(label: string, options: ConnectOptions = {}): Promise<Outcome> {
    const mark = this.admin.events.length;
    const outcome = await this.connect(label, options);
    await sleep(400);
    this.printEvents(
      `admin events after ${label}`,
      this.eventsSince(this.admin, mark, "device.pair"),
    );
    const requestId = requestIdOf(outcome);
    if (requestId) {
      const pending = (await this.list()).pending.find((p) => p.requestId === requestId);
      this.print(`pending record ${this.clean(requestId) as string}`, pending ?? "(not listed)");
    }
    return outcome;
  }

  /** A request on the admin session or another one; prints both sides. */
  async call(method: string, params: unknown, session = this.admin, as = "admin") {
    const frame = await session.request(method, params);
    this.print(`${as}: ${method} ${JSON.stringify(this.clean(params))}`, answer(frame));
    return frame;
  }

  /** The events a session received since `from` (an index into session.events). */
  eventsSince(session: DeviceSession, from: number, prefix = ""): EventFrame[] {
    return session.events.slice(from).filter((event) => event.event.startsWith(prefix));
  }

  printEvents(title: string, events: EventFrame[]): void {
    const shown = events.map((e) => ({ event: e.event, seq: e.seq, payload: e.payload }));
    this.print(title, shown.length ? shown : "(no events)");
  }

  async list(session = this.admin) {
    const frame = await session.request("device.pair.list", {});
    if (!frame.ok) throw new Error(`device.pair.list failed: ${JSON.stringify(frame.error)}`);
    return frame.payload as {
      pending: Record<string, unknown>[];
      paired: Record<string, unknown>[];
    };
  }

  async printRecord(label: string, title = `paired record of ${label}`) {
    const list = await this.list();
    const id = this.deviceId(label);
    const record = list.paired.find((p) => p.deviceId === id) ?? null;
    const pending = list.pending.filter((p) => p.deviceId === id);
    this.print(title, { paired: record, pending });
    return { record, pending };
  }

  /** The gateway's stored row (approved_scopes included), which device.pair.list redacts. */
  printStored(label: string): void {
    const row = storedDevice(this.gateway, this.deviceId(label));
    const keep = ["role", "roles", "scopes", "approved_scopes", "tokens", "approved_via"];
    const shown = row ? Object.fromEntries(keep.map((k) => [k, row[k] ?? null])) : null;
    this.print(`stored row of ${label}`, shown);
  }

  print(title: string, value: unknown): void {
    const elapsed = ((Date.now() - this.started) / 1000).toFixed(1);
    console.log(`\n## [${elapsed}s] ${title}`);
    console.log(typeof value === "string" ? value : JSON.stringify(this.clean(value)));
  }

  /** Deep copy with secrets redacted and ids shortened to `label:abcd`. */
  clean(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.clean(item));
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        out[key] =
          SECRET_KEYS.has(key) && typeof item === "string" ? "<redacted>" : this.clean(item);
      }
      return out;
    }
    if (typeof value !== "string") return value;
    let text = value;
    for (const secret of this.secrets) text = text.split(secret).join("<redacted>");
    if (HEX_ID.test(text)) return `${this.names.get(text) ?? "dev"}:${text.slice(0, 4)}`;
    if (UUID.test(text)) return `req:${text.slice(0, 4)}`;
    if (PUBLIC_KEY.test(text)) return `key:${text.slice(0, 4)}`;
    return text.replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{6,12}/g,
      (m) => `req:${m.slice(0, 4)}…`,
    );
  }

  async finish(): Promise<void> {
    this.admin.close();
    await this.gateway.stop();
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    console.log(
      `\n> ${this.title}: done in ${seconds} s (gateway start ${this.gateway.startMs} ms)`,
    );
  }

  /** Runs `body`, always stopping the gateway. */
  static async run(
    title: string,
    body: (probe: Probe) => Promise<void>,
    config?: Record<string, unknown>,
  ) {
    const probe = await Probe.start(title, config);
    try {
      await body(probe);
    } finally {
      await probe.finish();
    }
  }
}

async function connectAdmin(gateway: ProbeGateway, identity: DeviceIdentity) {
  const outcome = await connectDevice(await openWsTransport(gateway.url), {
    identity,
    client: CLIENTS.cli,
    role: "operator",
    scopes: [SCOPE.admin, SCOPE.pairing, SCOPE.read],
    auth: { token: gateway.token },
  });
  if (outcome.kind !== "hello") throw new Error(`admin refused: ${JSON.stringify(outcome.error)}`);
  return outcome.session;
}

/** The payload of a successful answer (throws on a refusal). */
export function payloadOf<T>(frame: ResponseFrame): T {
  if (!frame.ok) throw new Error(`refused: ${JSON.stringify(frame.error)}`);
  return frame.payload as T;
}

export function requestIdOf(outcome: Outcome): string | undefined {
  if (outcome.kind !== "refused") return undefined;
  const id = (outcome.error.details as { requestId?: unknown } | undefined)?.requestId;
  return typeof id === "string" ? id : undefined;
}

export function sessionOf(outcome: Outcome): DeviceSession {
  if (outcome.kind !== "hello")
    throw new Error(`expected hello-ok, got ${JSON.stringify(outcome)}`);
  return outcome.session;
}

export function deviceTokenOf(outcome: Outcome): string {
  const token = outcome.kind === "hello" ? outcome.hello.auth.deviceToken : undefined;
  if (!token) throw new Error("no device token in hello-ok");
  return token;
}

function summarize(outcome: Outcome): unknown {
  if (outcome.kind === "hello") return { hello: { auth: outcome.hello.auth } };
  if (outcome.kind === "refused") return { error: outcome.error, close: outcome.close ?? null };
  return outcome;
}

function answer(frame: ResponseFrame): unknown {
  return frame.ok
    ? { ok: true, payload: frame.payload ?? null }
    : { ok: false, error: frame.error };
}
