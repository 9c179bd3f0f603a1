import { classifyIngress, INGRESS } from "../../src/policy/ingress";
import { scopesSatisfy } from "../../src/policy/scopes";
import { OPERATOR_SCOPES, ROLES, buildEvent } from "../../src/protocol";
import { challengeFrameText } from "./challenge";
import { createReceiver } from "./connection";
import { noteNodePresence } from "./node-surface";
import { randomUuid } from "./random-text";
import type { CoreContext, LiveConnection } from "./context";
import { CronTable } from "./methods/cron-table";
import type { Clock } from "./pairing";
import type { GatewayState } from "./state";
import type {
  ConnectDecision,
  ConnectionFacts,
  GatewayConfig,
  GatewayConnectionHandle,
  SocketSink,
} from "./types";

// The running core behind createMockGateway: the shared context, the decision log and socket
// acceptance. Kept apart from the factory so the core bench drives the very same context.

const MAX_DECISIONS = 200;
const DEVICE_REMOVED_CLOSE = { code: 4001, reason: "device removed" } as const;
const FORWARDING_REFUSED = "forwarding headers from a peer that is not a trusted proxy";

/** An accepted socket: the adapter's handle and the core's own record of it. */
export type AcceptedSocket =
  | { refused: { status: 403; reason: string } }
  | { connection: GatewayConnectionHandle; live: LiveConnection };

export type CoreRuntime = {
  ctx: CoreContext;
  accept(facts: ConnectionFacts, sink: SocketSink): AcceptedSocket;
  decisions(): readonly ConnectDecision[];
  onDecision(listener: (decision: ConnectDecision) => void): () => void;
};

export function createCoreRuntime(
  config: GatewayConfig,
  state: GatewayState,
  clock: Clock,
): CoreRuntime {
  const connections = new Map<string, LiveConnection>();
  const decisions: ConnectDecision[] = [];
  const listeners = new Set<(decision: ConnectDecision) => void>();
  let connCounter = 0;
  const noteNodeGone = ({ session }: LiveConnection) => {
    if (session?.role === ROLES.node && session.deviceId)
      noteNodePresence(state, session.deviceId, "lastDisconnectedAtMs", clock.now());
  };

  const ctx: CoreContext = {
    config,
    state,
    clock,
    startedAtMs: clock.now(),
    connections,
    cron: new CronTable(),
    send(connection, frame) {
      if (!connection.closed) connection.sink.send(JSON.stringify(frame));
    },
    admitted(connection) {
      if (!connection.closed) connection.sink.admitted?.();
    },
    close(connection, code, reason) {
      if (connection.closed) return;
      connection.closed = true;
      connections.delete(connection.connId);
      noteNodeGone(connection);
      connection.sink.close(code, reason);
    },
    sendEvent(connection, event, payload) {
      connection.seq += 1;
      ctx.send(connection, buildEvent(event, payload, connection.seq));
    },
    broadcastPairingEvent(event, payload) {
      for (const connection of connections.values()) {
        const session = connection.session;
        // Only operator sessions get pairing events (a node holding the scope gets none).
        if (session?.role !== ROLES.operator) continue;
        if (!scopesSatisfy(session.scopes, [OPERATOR_SCOPES.pairing])) continue;
        ctx.sendEvent(connection, event, payload);
      }
    },
    isDeviceConnected(deviceId) {
      return [...connections.values()].some((c) => c.session?.deviceId === deviceId);
    },
    disconnectDevice(deviceId, role) {
      for (const connection of [...connections.values()]) {
        const session = connection.session;
        if (session?.deviceId !== deviceId || (role && session.role !== role)) continue;
        // Removal, rotation and revocation all close this way (observed).
        ctx.close(connection, DEVICE_REMOVED_CLOSE.code, DEVICE_REMOVED_CLOSE.reason);
      }
    },
    recordDecision(decision) {
      decisions.push(decision);
      if (decisions.length > MAX_DECISIONS) decisions.shift();
      for (const listener of listeners) listener(decision);
    },
  };

  function accept(facts: ConnectionFacts, sink: SocketSink): AcceptedSocket {
    const ingress = classifyIngress({
      remoteAddress: facts.remoteAddress,
      headers: facts.headers,
      trustedProxies: config.trustedProxies,
    });
    connCounter += 1;
    const connId = `conn-${connCounter}`;
    if (ingress === INGRESS.refused) {
      ctx.recordDecision({
        at: clock.now(),
        connId,
        clientId: "",
        clientMode: "",
        ingress,
        outcome: "refused",
        errorCode: "HTTP 403",
      });
      return { refused: { status: 403, reason: FORWARDING_REFUSED } };
    }
    const live: LiveConnection = {
      connId,
      facts,
      ingress,
      sink,
      challenge: { nonce: randomUuid(), ts: clock.now() },
      seq: 0,
      roleRefusals: 0,
      closed: false,
    };
    connections.set(connId, live);
    sink.send(challengeFrameText(live.challenge));
    const receive = createReceiver(ctx, live);
    const connection: GatewayConnectionHandle = {
      connId,
      receive,
      closed() {
        if (!live.closed) noteNodeGone(live);
        live.closed = true;
        connections.delete(connId);
      },
    };
    return { connection, live };
  }

  return {
    ctx,
    accept,
    decisions: () => [...decisions],
    onDecision(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
