import type { ConnectionFacts, MockGateway } from "../core/types";
import { TransportRefusedError, type ClientTransport } from "./device-client";

// Wires a simulated device straight to the mock core, without a network. Delivery is
// asynchronous in both directions, as on a socket, so neither side re-enters the other.

export type InProcessOptions = {
  /** Sees every text frame the gateway sends (tests validate them against the schemas). */
  onServerFrame?: (text: string) => void;
};

export function openInProcessTransport(
  gateway: MockGateway,
  facts: ConnectionFacts,
  options: InProcessOptions = {},
): Promise<ClientTransport> {
  const buffered: string[] = [];
  const messageListeners: ((text: string) => void)[] = [];
  const closeListeners: ((code: number, reason: string) => void)[] = [];
  let open = true;

  const deliver = (text: string) => {
    options.onServerFrame?.(text);
    if (messageListeners.length === 0) buffered.push(text);
    for (const listener of messageListeners) listener(text);
  };
  const finish = (code: number, reason: string) => {
    for (const listener of closeListeners) listener(code, reason);
  };

  const accepted = gateway.accept(facts, {
    send(text) {
      if (open) queueMicrotask(() => deliver(text));
    },
    close(code, reason) {
      if (!open) return;
      open = false;
      queueMicrotask(() => {
        handle.closed();
        finish(code, reason);
      });
    },
  });
  if ("refused" in accepted) {
    const { status, reason } = accepted.refused;
    return Promise.reject(new TransportRefusedError(status, reason));
  }
  const handle = accepted.connection;

  return Promise.resolve({
    send(text) {
      if (open) queueMicrotask(() => handle.receive(text));
    },
    close(code = 1000, reason = "") {
      if (!open) return;
      open = false;
      queueMicrotask(() => {
        handle.closed();
        finish(code, reason);
      });
    },
    onMessage(cb) {
      messageListeners.push(cb);
      for (const text of buffered.splice(0)) cb(text);
    },
    onClose(cb) {
      closeListeners.push(cb);
    },
  });
}
