import WebSocket from "ws";
import {
  TransportRefusedError,
  type ClientTransport,
} from "../../../mocks/simulator/device-client";

// One client socket for the differential tester: the device client's transport, plus what a
// hostile client does (binary frames, raw text) and a record of every frame and the close.

export type CloseRecord = { code: number; reason: string };

export type TesterSocket = ClientTransport & {
  sendBinary(text: string): void;
  /** Every text frame received, in order. */
  readonly received: string[];
  readonly closed: Promise<CloseRecord>;
  closeInfo(): CloseRecord | undefined;
  /** Resolves when a frame arrives or the socket closes, or after `ms`. */
  nextActivity(ms: number): Promise<void>;
  terminate(): void;
};

function textOf(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.from(data as ArrayBuffer).toString("utf8");
}

export function openTesterSocket(
  url: string,
  headers: Record<string, string>,
): Promise<TesterSocket> {
  return new Promise((resolve, reject) => {
    // Oversized frames are part of the vocabulary: the client must not refuse big answers.
    const socket = new WebSocket(url, { headers, maxPayload: 64 * 1024 * 1024 });
    const received: string[] = [];
    const messageListeners: ((text: string) => void)[] = [];
    const closeListeners: ((code: number, reason: string) => void)[] = [];
    const waiters = new Set<() => void>();
    let closeInfo: CloseRecord | undefined;
    let resolveClosed: (info: CloseRecord) => void = () => undefined;
    const closed = new Promise<CloseRecord>((done) => (resolveClosed = done));
    const wake = () => {
      for (const waiter of [...waiters]) waiter();
    };

    socket.on("message", (data) => {
      const text = textOf(data);
      received.push(text);
      for (const listener of messageListeners) listener(text);
      wake();
    });
    socket.on("close", (code, reason) => {
      closeInfo = { code, reason: reason.toString("utf8") };
      resolveClosed(closeInfo);
      for (const listener of closeListeners) listener(closeInfo.code, closeInfo.reason);
      wake();
    });
    socket.on("unexpected-response", (_request, response) => {
      reject(new TransportRefusedError(response.statusCode ?? 0, response.statusMessage ?? ""));
      socket.terminate();
    });
    socket.on("error", (error) => {
      if (socket.readyState === WebSocket.CONNECTING) reject(error);
    });
    socket.on("open", () =>
      resolve({
        received,
        closed,
        closeInfo: () => closeInfo,
        send(text) {
          if (socket.readyState === WebSocket.OPEN) socket.send(text);
        },
        sendBinary(text) {
          if (socket.readyState === WebSocket.OPEN)
            socket.send(Buffer.from(text), { binary: true });
        },
        close(code = 1000, reason = "") {
          if (socket.readyState === WebSocket.OPEN) socket.close(code, reason);
        },
        terminate: () => socket.terminate(),
        onMessage(cb) {
          messageListeners.push(cb);
          for (const text of received) cb(text);
        },
        onClose(cb) {
          closeListeners.push(cb);
          if (closeInfo) cb(closeInfo.code, closeInfo.reason);
        },
        nextActivity(ms) {
          if (closeInfo) return Promise.resolve();
          return new Promise((done) => {
            const finish = () => {
              clearTimeout(timer);
              waiters.delete(finish);
              done();
            };
            const timer = setTimeout(finish, ms);
            waiters.add(finish);
          });
        },
      }),
    );
  });
}
