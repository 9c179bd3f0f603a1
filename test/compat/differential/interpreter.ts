import {
  connectDevice,
  TransportRefusedError,
  type DeviceConnectOutcome,
  type DeviceSession,
} from "../../../mocks/simulator/device-client";
import type { DeviceIdentity } from "../../../mocks/simulator/device-identity";
import type { ResponseFrame } from "../../../src/protocol";
import { normalize, Placeholders, type Json } from "../support/normalize";
import { connectOptions, type Credentials } from "./connect-options";
import { describeHello, describeList, describeResponse, ownList, pairEvents } from "./records";
import { performFrame } from "./raw-frames";
import { openTesterSocket, type TesterSocket } from "./socket";
import { SequenceMemory } from "./sequence-memory";
import type { CallOp, ConnectOp, Op, Sequence } from "./vocabulary";

// Performs one sequence on one gateway and records, step by step, what a client would notice:
// the answer, the device.pair.* events every open session saw, and the sockets that closed.
// The same interpreter runs against the real gateway and the mock; only the URL differs.

export type Target = { name: string; url: string; credentials: Credentials };

export type SequenceIdentities = {
  devices: DeviceIdentity[];
  admin: DeviceIdentity;
  /** Signs "other-key" proofs. */
  other: DeviceIdentity;
};

type Open = {
  label: string;
  socket: TesterSocket;
  session: DeviceSession;
  seen: number;
};

const ADMIN_CLIENT = { id: "cli", mode: "cli", platform: "linux" };
/** After the barrier answers, closes that follow an answer get this long to arrive. */
const SETTLE_MS = 25;
/** A socket the gateway is closing may never answer the barrier. */
const BARRIER_CAP_MS = 2000;
const BARRIER_METHOD = "differential.barrier";

export class SequenceRun {
  readonly names = new Placeholders();
  private readonly kept: Open[] = [];
  private admin: Open | undefined;
  private opened = 0;
  private readonly memory: SequenceMemory;

  private constructor(
    private readonly target: Target,
    private readonly sequence: Sequence,
    private readonly identities: SequenceIdentities,
  ) {
    this.memory = new SequenceMemory(identities);
    identities.devices.forEach((identity, index) =>
      this.names.addDevice(`d${index}`, identity.deviceId, identity.publicKey),
    );
    this.names.addDevice("admin", identities.admin.deviceId, identities.admin.publicKey);
  }

  static async start(target: Target, sequence: Sequence, identities: SequenceIdentities) {
    const run = new SequenceRun(target, sequence, identities);
    const socket = await openTesterSocket(target.url, {});
    const outcome = await connectDevice(socket, {
      identity: identities.admin,
      client: ADMIN_CLIENT,
      role: "operator",
      scopes: sequence.adminScopes,
      auth: { [target.credentials.mode]: target.credentials.secret },
    });
    if (outcome.kind !== "hello") {
      throw new Error(`${target.name}: the admin was refused: ${JSON.stringify(outcome.error)}`);
    }
    run.admin = { label: "admin", socket, session: outcome.session, seen: 0 };
    return run;
  }

  /** Every device id this sequence used, for clean-up. */
  deviceIds(): string[] {
    return [...this.identities.devices, this.identities.admin].map((identity) => identity.deviceId);
  }

  async perform(op: Op): Promise<Json> {
    let outcome: unknown;
    if (op.op === "connect") outcome = await this.connect(op);
    else if (op.op === "call") outcome = await this.call(op);
    else if (op.op === "frame") outcome = await this.frame(op);
    else outcome = await this.close(op.session);
    await this.settle();
    return this.normalized({ outcome, ...this.observe() });
  }

  /**
   * Twice: the first pass names every request id and token in the record, so text that quotes
   * one (a close reason) reads the same placeholder wherever it stands in the record.
   */
  private normalized(record: unknown): Json {
    normalize(record, this.names);
    return normalize(record, this.names);
  }

  private async connect(op: ConnectOp): Promise<unknown> {
    const device = this.memory.device(op.device);
    const profile = this.sequence.devices[device];
    const identity = this.identities.devices[device];
    if (!profile || !identity) throw new Error(`no device ${device}`);
    const { options, headers } = connectOptions(
      op,
      profile,
      identity,
      this.identities.other,
      this.target.credentials,
      this.memory.deviceTokens.get(device),
    );
    let socket: TesterSocket;
    try {
      socket = await openTesterSocket(this.target.url, headers);
    } catch (error) {
      if (error instanceof TransportRefusedError)
        return { kind: "upgrade-refused", status: error.status };
      throw error;
    }
    const outcome: DeviceConnectOutcome = await connectDevice(socket, options);
    if (outcome.kind === "refused") {
      const requestId = (outcome.error.details as { requestId?: unknown } | undefined)?.requestId;
      if (typeof requestId === "string") this.memory.noteRequest(device, requestId);
      socket.terminate();
      return { kind: "refused", error: outcome.error, close: outcome.close ?? null };
    }
    const token = outcome.hello.auth.deviceToken;
    if (typeof token === "string") this.memory.deviceTokens.set(device, token);
    if (op.keep) {
      this.opened += 1;
      this.kept.push({ label: `s${this.opened}`, socket, session: outcome.session, seen: 0 });
    } else {
      socket.close(1000, "done");
    }
    return describeHello(outcome.hello, op.keep ? `s${this.opened}` : null);
  }

  private sessionFor(choice: "admin" | number): Open | undefined {
    if (choice === "admin") return this.admin;
    return this.kept.length > 0 ? this.kept[choice % this.kept.length] : undefined;
  }

  private async call(op: CallOp): Promise<unknown> {
    const open = this.sessionFor(op.session);
    if (!open) return { skipped: "no open session" };
    const params = this.memory.resolve(op.params);
    let frame: ResponseFrame;
    try {
      frame = await open.session.request(op.method, params);
    } catch {
      return { on: open.label, skipped: "socket closed" };
    }
    this.memory.noteResponse(frame);
    return {
      on: open.label,
      answer: describeResponse(op.method, frame, (id) => this.names.knows(id)),
    };
  }

  private async frame(op: Extract<Op, { op: "frame" }>): Promise<unknown> {
    if (op.session === "fresh") return performFrame(this.target.url, undefined, op.frame);
    const open = this.sessionFor(op.session);
    if (!open) return { skipped: "no open session" };
    const frame = (await performFrame(this.target.url, open.socket, op.frame)) as {
      answers: unknown[];
    };
    // A list answer to a raw frame is narrowed to this sequence's devices like any other.
    const known = (id: string) => this.names.knows(id);
    const answers = frame.answers.map((answer) => {
      const res = answer as { ok?: unknown; payload?: unknown };
      return res.ok === true ? { ...res, payload: ownList(res.payload, known) } : answer;
    });
    return { on: open.label, frame: { ...frame, answers } };
  }

  private async close(choice: number): Promise<unknown> {
    const open = this.sessionFor(choice);
    if (!open) return { skipped: "no open session" };
    open.socket.close(1000, "done");
    // The closing handshake is done once the gateway answered it: it has seen the close.
    await Promise.race([open.socket.closed, new Promise((r) => setTimeout(r, 2000))]);
    return { closed: open.label };
  }

  /**
   * A request on every open socket: a gateway writes to each socket in order, so once a
   * socket's answer is in, the step's broadcasts to it are too, however loaded the machine.
   */
  private async settle(): Promise<void> {
    const open = [this.admin, ...this.kept].filter((o) => o && !o.socket.closeInfo()) as Open[];
    const answered = (o: Open) => o.session.request(BARRIER_METHOD, {}).catch(() => undefined);
    const cap = new Promise((resolve) => setTimeout(resolve, BARRIER_CAP_MS));
    await Promise.race([Promise.all(open.map(answered)), cap]);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }

  /** New pairing events per open session, and the sockets that closed since the last step. */
  private observe(): { events: Record<string, unknown>; closes: Record<string, unknown> } {
    const events: Record<string, unknown> = {};
    const closes: Record<string, unknown> = {};
    for (const open of [this.admin, ...this.kept]) {
      if (!open) continue;
      const fresh = open.session.events.slice(open.seen);
      open.seen = open.session.events.length;
      for (const event of fresh) {
        type Payload = { deviceId?: unknown; nodeId?: unknown; requestId?: unknown };
        const payload = event.payload as Payload | undefined;
        if (event.event.startsWith("device.pair.") || event.event === "node.pair.requested")
          this.memory.noteById(payload?.deviceId ?? payload?.nodeId, payload?.requestId);
      }
      const shown = pairEvents(fresh, (id) => this.names.knows(id));
      if (shown.length > 0) events[open.label] = shown;
      const closed = open.socket.closeInfo();
      if (closed) closes[open.label] = closed;
    }
    const stillOpen = this.kept.filter((open) => !open.socket.closeInfo());
    this.kept.splice(0, this.kept.length, ...stillOpen);
    if (this.admin?.socket.closeInfo()) this.admin = undefined;
    return { events, closes };
  }

  /** Closes every socket this run still holds (safe to call twice). */
  dispose(): void {
    for (const open of [this.admin, ...this.kept]) open?.socket.terminate();
  }

  /** The pairing list of this sequence's devices, and whether every session's seq was gapless. */
  async finish(list: () => Promise<unknown>): Promise<Json> {
    // Listed while the kept sessions are still open, so `connected` is not a race.
    const listed = await list();
    const sessions = [this.admin, ...this.kept].filter((open): open is Open => Boolean(open));
    // Events sent outside the broadcast (the connect's own model catalog) carry no seq.
    const gapless = sessions.every((open) =>
      open.session.events
        .filter((event) => event.seq !== undefined)
        .every((event, index) => event.seq === index + 1),
    );
    this.dispose();
    return this.normalized({ list: describeList(listed, (id) => this.names.knows(id)), gapless });
  }
}
