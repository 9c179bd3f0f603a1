import { createServer, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import type { ConnectionFacts, MockGateway, SocketSink } from "../core/types";

// A real WebSocket server in front of the same core: the facts come from the actual socket
// and upgrade headers, so a CLI or a real client on this machine meets the same rules.

export type MockWsServer = {
  url: string;
  port: number;
  close(): Promise<void>;
};

export type MockWsServerOptions = {
  /** 0 picks a free port. */
  port: number;
};

/** Always loopback: the mock is a developer tool and must not be reachable from the LAN. */
const HOST = "127.0.0.1";
const PROBE_TEXT = "OpenClaw mock gateway: connect with a WebSocket.\n";
const UNSUPPORTED_DATA_CLOSE = { code: 1003, reason: "text frames only" } as const;

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

export function connectionFacts(request: IncomingMessage): ConnectionFacts {
  return {
    remoteAddress: request.socket.remoteAddress ?? "",
    headers: flattenHeaders(request.headers),
  };
}

function refuseUpgrade(socket: Duplex, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    "HTTP/1.1 403 Forbidden\r\n" +
      "Connection: close\r\n" +
      "Content-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
      body,
    () => socket.destroy(),
  );
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.from(data as ArrayBuffer).toString("utf8");
}

/**
 * The core speaks (the challenge) inside accept(), before the upgrade has finished; this sink
 * holds what it says until the WebSocket exists, then passes everything straight through.
 */
function createDeferredSink(): SocketSink & { attach(socket: WebSocket): void } {
  let socket: WebSocket | undefined;
  const queued: string[] = [];
  let closeWith: { code: number; reason: string } | undefined;
  return {
    send(text) {
      if (socket) socket.send(text);
      else if (!closeWith) queued.push(text);
    },
    close(code, reason) {
      if (socket) socket.close(code, reason);
      else closeWith ??= { code, reason };
    },
    attach(ws) {
      socket = ws;
      for (const text of queued.splice(0)) ws.send(text);
      if (closeWith) ws.close(closeWith.code, closeWith.reason);
    },
  };
}

export async function startMockWsServer(
  gateway: MockGateway,
  options: MockWsServerOptions,
): Promise<MockWsServer> {
  // A plain GET gets 426 and a line of text, so probes and curious browsers see what this is.
  const http = createServer((_request, response) => {
    response.writeHead(426, { "Content-Type": "text/plain; charset=utf-8", Upgrade: "websocket" });
    response.end(PROBE_TEXT);
  });
  const wss = new WebSocketServer({ noServer: true });

  http.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const sink = createDeferredSink();
    const accepted = gateway.accept(connectionFacts(request), sink);
    if ("refused" in accepted) {
      refuseUpgrade(socket, accepted.refused.reason);
      return;
    }
    const connection = accepted.connection;
    let closed = false;
    const closeOnce = () => {
      if (closed) return;
      closed = true;
      connection.closed();
    };
    // A malformed upgrade is answered by ws itself and never reaches the callback below.
    socket.once("close", closeOnce);
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on("message", (data, isBinary) => {
        if (isBinary) ws.close(UNSUPPORTED_DATA_CLOSE.code, UNSUPPORTED_DATA_CLOSE.reason);
        else connection.receive(textOf(data));
      });
      ws.on("close", closeOnce);
      ws.on("error", () => ws.terminate());
      sink.attach(ws);
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port, HOST, () => {
      http.off("error", reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;

  return {
    url: `ws://${HOST}:${port}`,
    port,
    close() {
      for (const client of wss.clients) client.terminate();
      return new Promise<void>((resolve) => {
        wss.close(() => http.close(() => resolve()));
        http.closeAllConnections();
      });
    },
  };
}
