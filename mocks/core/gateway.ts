import { classifyIngress, INGRESS } from "../../src/policy/ingress";
import { scopesSatisfy } from "../../src/policy/scopes";
import { CLOSE_POLICY_VIOLATION, EVENTS, OPERATOR_SCOPES, buildEvent } from "../../src/protocol";
import { createReceiver } from "./connection";
import type { CoreContext, LiveConnection } from "./context";
import { CronTable } from "./methods/cron-table";
import { GatewayState, toWirePaired, toWirePending } from "./state";
import type {
  AcceptResult,
  ConnectDecision,
  ConnectionFacts,
  MockGateway,
  MockGatewayOptions,
  SocketSink,
} from "./types";

// The mock gateway factory: a framework-free twin of the real gateway's pairing surface
// (spec §1–§7). Adapters (msw ws.link, a ws server, in-process) feed it sockets.

const MAX_DECISIONS = 200;
const RESTART_CLOSE = { code: 1012, reason: "service restart" };
const FORWARDING_REFUSED = "forwarding headers from a peer that is not a trusted proxy";
/** What the real gateway's challenge advertises (observed); the mock offers nothing behind it. */
const CHALLENGE_CAPABILITIES = ["model-catalog-snapshot"];

export async function createMockGateway(options: MockGatewayOptions): Promise<MockGateway> {
  const now = options.now ?? (() => Date.now());
  const randomId = options.randomId ?? (() => crypto.randomUUID());
  const state = new GatewayState(options.store, now);
  await state.load();
  const connections = new Map<string, LiveConnection>();
  const decisions: ConnectDecision[] = [];
  const listeners = new Set<(decision: ConnectDecision) => void>();
  let connCounter = 0;

  const ctx: CoreContext = {
    config: options.config,
    state,
    clock: { now, randomId },
    startedAtMs: now(),
    connections,
    cron: new CronTable(),
    send(connection, frame) {
      if (!connection.closed) connection.sink.send(JSON.stringify(frame));
    },
    close(connection, code, reason) {
      if (connection.closed) return;
      connection.closed = true;
      connections.delete(connection.connId);
      connection.sink.close(code, reason);
    },
    broadcastPairingEvent(event, payload) {
      for (const connection of connections.values()) {
        const scopes = connection.session?.scopes;
        if (!scopes || !scopesSatisfy(scopes, [OPERATOR_SCOPES.pairing])) continue;
        connection.seq += 1;
        ctx.send(connection, buildEvent(event, payload, connection.seq));
      }
    },
    isDeviceConnected(deviceId) {
      return [...connections.values()].some((c) => c.session?.deviceId === deviceId);
    },
    disconnectDevice(deviceId, reason, role) {
      for (const connection of [...connections.values()]) {
        const session = connection.session;
        if (session?.deviceId !== deviceId || (role && session.role !== role)) continue;
        ctx.close(connection, CLOSE_POLICY_VIOLATION, reason);
      }
    },
    recordDecision(decision) {
      decisions.push(decision);
      if (decisions.length > MAX_DECISIONS) decisions.shift();
      for (const listener of listeners) listener(decision);
    },
  };

  function accept(facts: ConnectionFacts, sink: SocketSink): AcceptResult {
    const ingress = classifyIngress({
      remoteAddress: facts.remoteAddress,
      headers: facts.headers,
      trustedProxies: options.config.trustedProxies,
    });
    connCounter += 1;
    const connId = `conn-${connCounter}`;
    if (ingress === INGRESS.refused) {
      ctx.recordDecision({
        at: now(),
        connId,
        clientId: "",
        clientMode: "",
        ingress,
        outcome: "refused",
        errorCode: "HTTP 403",
      });
      return { refused: { status: 403, reason: FORWARDING_REFUSED } };
    }
    const connection: LiveConnection = {
      connId,
      facts,
      ingress,
      sink,
      challenge: { nonce: crypto.randomUUID(), ts: now() },
      seq: 0,
      closed: false,
    };
    connections.set(connId, connection);
    // The challenge is pre-handshake and carries no seq; event seq starts at 1 after hello.
    const challenge = { ...connection.challenge, capabilities: [...CHALLENGE_CAPABILITIES] };
    ctx.send(connection, buildEvent(EVENTS.connectChallenge, challenge));
    const receive = createReceiver(ctx, connection);
    return {
      connection: {
        connId,
        receive,
        closed() {
          connection.closed = true;
          connections.delete(connId);
        },
      },
    };
  }

  function list() {
    state.pruneExpired();
    return {
      pending: [...state.pending.values()].sort((a, b) => b.ts - a.ts).map(toWirePending),
      paired: [...state.paired.values()].map((device) =>
        toWirePaired(device, ctx.isDeviceConnected(device.deviceId)),
      ),
    };
  }

  return {
    config: options.config,
    accept,
    list,
    decisions: () => [...decisions],
    onDecision(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async reset() {
      state.pending.clear();
      state.paired.clear();
      await state.persist();
    },
    async restart() {
      for (const connection of [...connections.values()]) {
        ctx.close(connection, RESTART_CLOSE.code, RESTART_CLOSE.reason);
      }
      await state.flush();
      await state.load();
    },
    flush: () => state.flush(),
  };
}
