import { createCoreRuntime } from "./core-context";
import { randomUuid } from "./random-text";
import { GatewayState, toWirePaired, toWirePending } from "./state";
import type { MockGateway, MockGatewayOptions } from "./types";

// The mock gateway factory: a framework-free twin of the real gateway's pairing surface
// (spec §1–§7). Adapters (msw ws.link, a ws server, in-process) feed it sockets.

const RESTART_CLOSE = { code: 1012, reason: "service restart" };

export async function createMockGateway(options: MockGatewayOptions): Promise<MockGateway> {
  const now = options.now ?? (() => Date.now());
  const randomId = options.randomId ?? randomUuid;
  const state = new GatewayState(options.store, now);
  await state.load();
  const runtime = createCoreRuntime(options.config, state, { now, randomId });
  const { ctx } = runtime;

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
    accept(facts, sink) {
      const accepted = runtime.accept(facts, sink);
      // Adapters get the handle only; the core's record of the socket stays inside.
      return "refused" in accepted ? accepted : { connection: accepted.connection };
    },
    list,
    decisions: runtime.decisions,
    onDecision: runtime.onDecision,
    async reset() {
      state.pending.clear();
      state.paired.clear();
      void state.persist();
      await state.flush();
    },
    async restart() {
      for (const connection of [...ctx.connections.values()]) {
        ctx.close(connection, RESTART_CLOSE.code, RESTART_CLOSE.reason);
      }
      await state.flush();
      await state.load();
    },
    flush: () => state.flush(),
  };
}
