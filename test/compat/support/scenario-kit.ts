import {
  createDeviceIdentity,
  type DeviceIdentity,
} from "../../../mocks/simulator/device-identity";
import {
  connectDevice,
  TransportRefusedError,
  type DeviceConnectOptions,
  type DeviceConnectOutcome,
  type DeviceSession,
} from "../../../mocks/simulator/device-client";
import { openWsTransport } from "../../../mocks/simulator/ws-transport";
import { EVENTS, METHODS, OPERATOR_SCOPES, ROLES, type EventFrame } from "../../../src/protocol";
import { normalize, Placeholders, type Json } from "./normalize";

// The one scripted client every scenario uses, whichever gateway is behind the URL. It keeps
// an admin connection open, records each step's outcome and the device.pair.* events the
// admin saw meanwhile, and ends with the pairing list, all normalised.

export type GatewayTarget = { url: string; token: string };

export type ConnectStep = {
  client?: DeviceConnectOptions["client"];
  role?: string;
  scopes?: string[];
  /** Upgrade headers: origin, x-forwarded-for, … */
  headers?: Record<string, string>;
  /** Default: the gateway's shared token. */
  auth?: DeviceConnectOptions["auth"];
  tamper?: DeviceConnectOptions["tamper"];
  minProtocol?: number;
  maxProtocol?: number;
  /** A node's declared surface. */
  caps?: string[];
  commands?: string[];
  /** Keep a successful session open (default: close it right after hello-ok). */
  keepOpen?: boolean;
};

export type ScenarioOutcome = { steps: Json[]; list: Json; adminSeqContiguous: boolean };

/** Enough for a loopback gateway to deliver the events a step caused. */
const SETTLE_MS = 400;
export const NODE_HOST = { id: "node-host", mode: "node", platform: "linux" } as const;
const ADMIN_CLIENT = { id: "cli", mode: "cli", platform: "linux" } as const;
const ADMIN_SCOPES = [OPERATOR_SCOPES.admin, OPERATOR_SCOPES.pairing, OPERATOR_SCOPES.read];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isPairEvent(event: EventFrame): boolean {
  return event.event.startsWith("device.pair.");
}

export class ScenarioRun {
  readonly names = new Placeholders();
  private readonly identities = new Map<string, DeviceIdentity>();
  private readonly steps: Json[] = [];
  private readonly open: DeviceSession[] = [];
  private seen = 0;
  /** Raw requestIds from pairing refusals, in the order first seen, for approve/reject. */
  readonly requestIds: string[] = [];

  private constructor(
    readonly target: GatewayTarget,
    private readonly admin: DeviceSession,
  ) {}

  static async start(target: GatewayTarget): Promise<ScenarioRun> {
    const outcome = await connectDevice(await openWsTransport(target.url), {
      identity: await createDeviceIdentity(),
      client: ADMIN_CLIENT,
      role: ROLES.operator,
      scopes: ADMIN_SCOPES,
      auth: { token: target.token },
    });
    if (outcome.kind !== "hello")
      throw new Error(`the admin connection was refused: ${JSON.stringify(outcome.error)}`);
    return new ScenarioRun(target, outcome.session);
  }

  get lastRequestId(): string | undefined {
    return this.requestIds[this.requestIds.length - 1];
  }

  async identity(label: string): Promise<DeviceIdentity> {
    let identity = this.identities.get(label);
    if (!identity) {
      identity = await createDeviceIdentity();
      this.identities.set(label, identity);
      this.names.addDevice(label, identity.deviceId, identity.publicKey);
    }
    return identity;
  }

  /** A device connects; returns the raw outcome (its session when keepOpen). */
  async connect(step: string, label: string, options: ConnectStep = {}) {
    const identity = await this.identity(label);
    let outcome: DeviceConnectOutcome | { kind: "upgrade-refused"; status: number };
    try {
      outcome = await connectDevice(await openWsTransport(this.target.url, options.headers), {
        identity,
        client: options.client ?? NODE_HOST,
        role: options.role ?? ROLES.operator,
        scopes: options.scopes ?? [OPERATOR_SCOPES.read],
        auth: options.auth ?? { token: this.target.token },
        ...(options.tamper ? { tamper: options.tamper } : {}),
        ...(options.caps ? { caps: options.caps } : {}),
        ...(options.commands ? { commands: options.commands } : {}),
        ...(options.minProtocol ? { minProtocol: options.minProtocol } : {}),
        ...(options.maxProtocol ? { maxProtocol: options.maxProtocol } : {}),
      });
    } catch (error) {
      if (!(error instanceof TransportRefusedError)) throw error;
      outcome = { kind: "upgrade-refused", status: error.status };
    }
    if (outcome.kind === "hello") {
      if (options.keepOpen) this.open.push(outcome.session);
      else outcome.session.close();
    }
    if (outcome.kind === "refused") {
      const details = outcome.error.details as { requestId?: unknown } | undefined;
      const id = details?.requestId;
      if (typeof id === "string" && !this.requestIds.includes(id)) this.requestIds.push(id);
    }
    await this.record(step, describeConnect(outcome));
    return outcome;
  }

  /** A request on the admin connection (or on a device's own session). */
  async call(step: string, method: string, params?: unknown, session?: DeviceSession) {
    const frame = await (session ?? this.admin).request(method, params);
    const answer = frame.ok
      ? { ok: true, payload: frame.payload ?? null }
      : { ok: false, error: frame.error };
    await this.record(step, answer);
    return frame;
  }

  /** Records that a request succeeded without comparing its payload (gateway-specific data). */
  async callOk(step: string, method: string, params: unknown, session: DeviceSession) {
    const frame = await session.request(method, params);
    await this.record(step, frame.ok ? { ok: true } : { ok: false, error: frame.error });
  }

  /**
   * Opens a socket, notes the challenge's shape, answers it with `text` and records what the
   * gateway says until it closes (or 3 s pass).
   */
  async raw(step: string, text: string): Promise<void> {
    const transport = await openWsTransport(this.target.url);
    const frames: unknown[] = [];
    const closed = new Promise<unknown>((resolve) => {
      transport.onClose((code, reason) => resolve({ code, reason }));
      setTimeout(() => resolve(null), 3000);
    });
    transport.onMessage((message) => {
      const frame = JSON.parse(message) as EventFrame;
      if (frame.event === EVENTS.connectChallenge) {
        const payload = (frame.payload ?? {}) as Record<string, unknown>;
        frames.push({ challenge: { seq: frame.seq ?? null, keys: Object.keys(payload).sort() } });
        transport.send(text);
      } else frames.push(frame);
    });
    const close = await closed;
    transport.close();
    await this.record(step, { frames, close });
  }

  private async record(step: string, outcome: unknown): Promise<void> {
    await sleep(SETTLE_MS);
    const events = this.admin.events.slice(this.seen).filter(isPairEvent).filter(this.ownEvent);
    this.seen = this.admin.events.length;
    const shown = events.map((event) => ({ event: event.event, payload: event.payload ?? null }));
    this.steps.push(normalize({ step, outcome, adminEvents: shown }, this.names));
  }

  /** Events about devices of other scenarios (or the admin itself) are not this scenario's. */
  private readonly ownEvent = (event: EventFrame): boolean => {
    const deviceId = (event.payload as { deviceId?: unknown } | undefined)?.deviceId;
    return typeof deviceId !== "string" || this.names.knows(deviceId);
  };

  async finish(): Promise<ScenarioOutcome> {
    const frame = await this.admin.request(METHODS.pairList, {});
    const list = frame.ok
      ? (frame.payload as { pending: unknown[]; paired: unknown[] })
      : undefined;
    const mine = (entry: unknown) =>
      this.names.knows(String((entry as { deviceId?: unknown }).deviceId));
    const byDevice = (a: Json, b: Json) => JSON.stringify(a).localeCompare(JSON.stringify(b), "en");
    const seqs = this.admin.events.map((event) => event.seq);
    const adminSeqContiguous = seqs.every((seq, i) => seq === (seqs[0] ?? 1) + i);
    for (const session of this.open) session.close();
    this.admin.close();
    return {
      steps: this.steps,
      list: list
        ? {
            pending: list.pending
              .filter(mine)
              .map((p) => normalize(p, this.names))
              .sort(byDevice),
            paired: list.paired
              .filter(mine)
              .map((p) => normalize(p, this.names))
              .sort(byDevice),
          }
        : normalize(frame, this.names),
      adminSeqContiguous,
    };
  }
}

function describeConnect(
  outcome: DeviceConnectOutcome | { kind: "upgrade-refused"; status: number },
): unknown {
  if (outcome.kind === "upgrade-refused") return outcome;
  if (outcome.kind === "hello") {
    const { auth } = outcome.hello;
    return {
      kind: "hello",
      role: auth.role,
      scopes: auth.scopes,
      deviceToken: typeof auth.deviceToken === "string",
    };
  }
  return { kind: "refused", error: outcome.error, close: outcome.close ?? null };
}
