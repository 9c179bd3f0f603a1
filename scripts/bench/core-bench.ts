import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
} from "@openclaw/gateway-protocol/client-info";
import { admitDevice, decideAdmission } from "../../mocks/core/admission";
import { checkSharedSecret } from "../../mocks/core/auth";
import type { ConnectParams } from "../../mocks/core/connect-params";
import { createCoreRuntime } from "../../mocks/core/core-context";
import type { DeviceBlock } from "../../mocks/core/device-proof";
import { createMockGateway } from "../../mocks/core/gateway";
import { createMemoryStateStore } from "../../mocks/core/memory-store";
import { GatewayState } from "../../mocks/core/state";
import type {
  ConnectionFacts,
  GatewayConfig,
  SocketSink,
  StateStore,
} from "../../mocks/core/types";
import { createFileStateStore } from "../../mocks/node/file-store";
import { connectDevice } from "../../mocks/simulator/device-client";
import { createDeviceIdentity } from "../../mocks/simulator/device-identity";
import { openInProcessTransport } from "../../mocks/simulator/in-process-transport";
import {
  LAN_GATEWAY_HOST,
  LOOPBACK,
  LOOPBACK_GATEWAY_HOST,
} from "../../mocks/simulator/virtual-devices";
import { OPERATOR_SCOPES, PROTOCOL_VERSION, ROLES } from "../../src/protocol";
import { pendingRequest } from "./fixtures";

// The mock core's connect decision in Node, three ways:
// 1. the decision path as the core runs it once a connect's params are read and its Ed25519
//    proof verified: the socket accepted (ingress, challenge), credentials, then
//    admission.ts's `decideAdmission` (locality, pairing need, silent decision, the pending
//    request or silent approval with its token, the event payloads, the refusal, the save
//    request), then the client hanging up. Saves are batched; the last one is timed too.
//    With `answer`, the whole `admitDevice`: also the events to an open approval console,
//    the refusal or hello-ok frames and the decision log;
// 2. Ed25519 verification alone (importKey + verify, as device-proof.ts does), which is not
//    part of the decision budget;
// 3. whole handshakes through the core in-process (challenge, signed proof, decision).

const TOKEN = "bench-token";
const CONFIG: GatewayConfig = { auth: { mode: "token", token: TOKEN } };
const NULL_SINK: SocketSink = { send: () => undefined, close: () => undefined };

type Connect = { facts: ConnectionFacts; params: ConnectParams; device: DeviceBlock };

/** Half remote phones (left pending), half loopback cron jobs with the token (silent). */
function connects(count: number, now: number): Connect[] {
  return Array.from({ length: count }, (_, index) => {
    const request = pendingRequest("core", index, now);
    const local = index % 2 === 1;
    const lan = `192.168.1.${(index % 200) + 20}`;
    return {
      facts: {
        remoteAddress: local ? LOOPBACK : lan,
        headers: { host: local ? LOOPBACK_GATEWAY_HOST : LAN_GATEWAY_HOST },
      },
      // What readConnectParams and readDeviceBlock hand admission; the proof is not checked.
      params: {
        minProtocol: PROTOCOL_VERSION,
        maxProtocol: PROTOCOL_VERSION,
        client: {
          id: local ? IDS.NODE_HOST : IDS.IOS_APP,
          mode: local ? MODES.BACKEND : MODES.UI,
          version: "1.0.0",
          platform: local ? "linux" : "ios",
          displayName: request.displayName,
        },
        role: ROLES.operator,
        scopes: [OPERATOR_SCOPES.read],
        auth: { token: TOKEN },
        caps: [],
        commands: [],
      },
      device: {
        id: request.deviceId,
        publicKey: request.publicKey,
        signature: "",
        signedAt: now,
        nonce: "bench",
      },
    };
  });
}

export type DecisionFigures = {
  count: number;
  perSecond: number;
  /** Connects per second of this process's CPU time: less noisy on a shared machine. */
  perCpuSecond: number;
  pendingAtEnd: number;
  /** Connects that ended with hello-ok (the silent half). */
  hellos: number;
  /** The save still waiting when the last connect was decided (timed in perSecond). */
  lastSaveMs: number;
};

export type DecisionOptions = {
  store?: StateStore;
  /** Also send what was decided (admitDevice), with an approval console listening. */
  answer?: boolean;
  /** Give the event loop a turn after each connect, as socket messages arrive one by one. */
  turnPerConnect?: boolean;
};

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function decisionPathRate(
  count: number,
  {
    store = createMemoryStateStore(),
    answer = false,
    turnPerConnect = false,
  }: DecisionOptions = {},
): Promise<DecisionFigures> {
  let clockNow = Date.now();
  const now = () => clockNow;
  const state = new GatewayState(store, now);
  await state.load();
  let ids = 0;
  const { ctx, accept, onDecision } = createCoreRuntime(CONFIG, state, {
    now,
    randomId: () => `core-${(ids += 1)}`,
  });
  let hellos = 0;
  const countHello = (outcome: string) => {
    if (outcome === "hello") hellos += 1;
  };
  onDecision((decision) => countHello(decision.outcome));
  // An approval console with operator.pairing is open; answered runs send it every event.
  const approvalConsole = accept(
    { remoteAddress: LOOPBACK, headers: { host: LOOPBACK_GATEWAY_HOST } },
    NULL_SINK,
  );
  if ("refused" in approvalConsole) throw new Error("the approval console was refused");
  approvalConsole.live.session = {
    deviceId: "bench-console",
    role: ROLES.operator,
    scopes: [OPERATOR_SCOPES.read, OPERATOR_SCOPES.pairing],
    clientId: IDS.CONTROL_UI,
    deviceTokenAuth: false,
  };
  const work = connects(count, clockNow);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (const { facts, params, device } of work) {
    clockNow += 1;
    const accepted = accept(facts, NULL_SINK);
    if ("refused" in accepted) throw new Error("a bench connect was refused at the upgrade");
    const { live, connection } = accepted;
    const auth = checkSharedSecret(CONFIG.auth, params.auth);
    if (!auth.ok) throw new Error(auth.reason);
    const { id: clientId, mode: clientMode } = params.client;
    const { connId, ingress } = live;
    const decision = {
      at: clockNow,
      connId,
      clientId,
      clientMode,
      ingress,
      deviceId: device.id,
      outcome: "refused" as const,
    };
    const verified = { params, device, auth, decision };
    if (answer) await admitDevice(ctx, live, "connect", verified);
    else countHello(decideAdmission(ctx, live, verified).outcome);
    // The phone was closed with 1008; the cron job hangs up after its hello.
    connection.closed();
    if (turnPerConnect) await nextTurn();
  }
  const decided = performance.now();
  await state.flush();
  const ended = performance.now();
  const seconds = (ended - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    count,
    perSecond: count / seconds,
    perCpuSecond: count / cpuSeconds,
    pendingAtEnd: state.pending.size,
    hellos,
    lastSaveMs: ended - decided,
  };
}

/** The same path with the pending table kept small: `rounds` fresh states of `count` each. */
export async function smallTableRate(count: number, rounds: number): Promise<number> {
  let seconds = 0;
  for (let round = 0; round < rounds; round += 1) {
    const figures = await decisionPathRate(count);
    seconds += count / figures.perSecond;
  }
  return (count * rounds) / seconds;
}

/** The answered path saving to pending.json / paired.json in a temp folder, a turn per connect. */
export async function fileStoreRate(count: number): Promise<DecisionFigures> {
  const dir = await mkdtemp(join(tmpdir(), "pairdesk-core-bench-"));
  try {
    return await decisionPathRate(count, {
      store: createFileStateStore(dir),
      answer: true,
      turnPerConnect: true,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function ed25519VerifyRate(count: number): Promise<number> {
  const identity = await createDeviceIdentity();
  const raw = Buffer.from(identity.publicKey, "base64url");
  const payload = "v3|bench|payload";
  const signature = Buffer.from(await identity.sign(payload), "base64url");
  const bytes = new TextEncoder().encode(payload);
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const key = await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
    if (!(await crypto.subtle.verify({ name: "Ed25519" }, key, signature, bytes)))
      throw new Error("signature did not verify");
  }
  return count / ((performance.now() - started) / 1000);
}

/** Whole handshakes of remote phones through the core (each ends pending), `parallel` at once. */
export async function handshakeRate(count: number, parallel: number) {
  const token = TOKEN;
  const core = await createMockGateway({
    config: { auth: { mode: "token", token } },
    store: createMemoryStateStore(),
  });
  const identities = await Promise.all(Array.from({ length: count }, () => createDeviceIdentity()));
  let pending = 0;
  const started = performance.now();
  for (let first = 0; first < count; first += parallel) {
    await Promise.all(
      identities.slice(first, first + parallel).map(async (identity, offset) => {
        const transport = await openInProcessTransport(core, {
          remoteAddress: "192.168.1.20",
          headers: { host: LAN_GATEWAY_HOST },
        });
        const outcome = await connectDevice(transport, {
          identity,
          client: {
            id: IDS.IOS_APP,
            mode: MODES.UI,
            platform: "ios",
            displayName: `p${first + offset}`,
          },
          role: ROLES.operator,
          scopes: [OPERATOR_SCOPES.read],
          auth: { token },
          closeWaitMs: 0,
        });
        if (outcome.kind === "refused") pending += 1;
      }),
    );
  }
  const perSecond = count / ((performance.now() - started) / 1000);
  await core.flush();
  return { count, perSecond, pending, listed: core.list().pending.length };
}
