import WebSocket from "ws";
import { TransportRefusedError, type ClientTransport } from "./device-client";

// Node-only: a real WebSocket for simulated devices and for probing a real gateway. Custom
// headers (Origin, X-Forwarded-For, …) go on the upgrade request, which a browser cannot do.

export function openWsTransport(
  url: string,
  headers?: Record<string, string>,
): Promise<ClientTransport> {
  return new Promise((resolve, reject) => {
    // Simulated devices only meet test gateways, whose wss:// certificates are self-signed.
    const socket = new WebSocket(url, { headers: headers ?? {}, rejectUnauthorized: false });
    const buffered: string[] = [];
    const messageListeners: ((text: string) => void)[] = [];
    const closeListeners: ((code: number, reason: string) => void)[] = [];

    // Frames can arrive before the caller registers a listener: keep them until then.
    socket.on("message", (data: WebSocket.RawData) => {
      const text = Array.isArray(data)
        ? Buffer.concat(data).toString("utf8")
        : Buffer.from(data as ArrayBuffer).toString("utf8");
      if (messageListeners.length === 0) buffered.push(text);
      for (const listener of messageListeners) listener(text);
    });
    socket.on("close", (code: number, reason: Buffer) => {
      for (const listener of closeListeners) listener(code, reason.toString("utf8"));
    });
    socket.on("unexpected-response", (_request, response) => {
      reject(new TransportRefusedError(response.statusCode ?? 0, response.statusMessage ?? ""));
      socket.terminate();
    });
    socket.on("error", (error) => reject(error));
    socket.on("open", () =>
      resolve({
        send(text) {
          if (socket.readyState === WebSocket.OPEN) socket.send(text);
        },
        close(code = 1000, reason = "") {
          socket.close(code, reason);
        },
        onMessage(cb) {
          messageListeners.push(cb);
          for (const text of buffered.splice(0)) cb(text);
        },
        onClose(cb) {
          closeListeners.push(cb);
        },
      }),
    );
  });
}
