import { randomBytes } from "node:crypto";
import { createMockGateway } from "../../mocks/core/gateway";
import { createMemoryStateStore } from "../../mocks/core/memory-store";
import type { MockGateway, PersistedState, SocketSink } from "../../mocks/core/types";
import { startMockWsServer } from "../../mocks/server/ws-server";
import { createSimulator, type Simulator } from "../../mocks/simulator/simulator";
import { buildEvent } from "../../src/protocol";

// The mock core in this process, on a real WebSocket for the browser (startMockWsServer),
// with simulated devices connecting in-process (createSimulator). The app's handshake, list
// answers and every event a simulated device causes are the core's own.
//
// `inject` adds event frames on the app's socket without a device behind them: the core's
// connect path cannot produce a thousand requests a second (see the core figures), so bursts
// and the 50,000-event memory run are driven from here. Frames the core sends the app are
// renumbered so that core and injected events share one gap-free `seq`.

export type BenchGateway = {
  url: string;
  token: string;
  core: MockGateway;
  simulator: Simulator;
  /** Sockets (the browser's) currently open through the WebSocket server. */
  appSockets(): number;
  inject(frames: readonly { event: string; payload: unknown }[]): void;
  close(): Promise<void>;
};

type AppSocket = { sink: SocketSink; seq: number };

const EVENT_PREFIX = '{"type":"event"';

export async function startBenchGateway(seed?: PersistedState): Promise<BenchGateway> {
  const token = `bench-${randomBytes(12).toString("hex")}`;
  const core = await createMockGateway({
    config: { auth: { mode: "token", token } },
    store: createMemoryStateStore(seed),
  });
  const sockets = new Set<AppSocket>();
  const front: MockGateway = {
    ...core,
    accept(facts, sink) {
      const socket: AppSocket = { sink, seq: 0 };
      const renumbering: SocketSink = {
        send(text) {
          if (!text.startsWith(EVENT_PREFIX) || !text.includes('"seq":')) return sink.send(text);
          const frame = JSON.parse(text) as { seq: number };
          socket.seq += 1;
          frame.seq = socket.seq;
          sink.send(JSON.stringify(frame));
        },
        close(code, reason) {
          sockets.delete(socket);
          sink.close(code, reason);
        },
      };
      const accepted = core.accept(facts, renumbering);
      if ("refused" in accepted) return accepted;
      sockets.add(socket);
      const handle = accepted.connection;
      return {
        connection: {
          connId: handle.connId,
          receive: handle.receive,
          closed() {
            sockets.delete(socket);
            handle.closed();
          },
        },
      };
    },
  };
  const server = await startMockWsServer(front, { port: 0 });
  return {
    url: server.url,
    token,
    core,
    simulator: createSimulator(core, { token }),
    appSockets: () => sockets.size,
    inject(frames) {
      for (const socket of sockets) {
        for (const { event, payload } of frames) {
          socket.seq += 1;
          socket.sink.send(JSON.stringify(buildEvent(event, payload, socket.seq)));
        }
      }
    },
    async close() {
      await server.close();
      await core.flush();
    },
  };
}
