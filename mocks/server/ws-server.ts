import { createServer, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { MAX_FRAME_BYTES, PREAUTH_MAX_FRAME_BYTES } from "../../src/protocol";
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
 * Lifts the socket's frame limit once the connection said hello, as the real gateway does with
 * the same `ws` receiver field (it has no public setter); false when this ws has no such field.
 */
function raisePayloadLimit(socket: WebSocket, bytes: number): boolean {
  const receiver = (socket as unknown as { _receiver?: Record<string, unknown> })._receiver;
  if (typeof receiver?._maxPayload !== "number") return false;
  receiver._maxPayload = bytes;
  return true;
}

/**
 * The core speaks (the challenge) inside accept(), before the upgrade has finished; this sink
 * holds what it says until the WebSocket exists, then passes everything straight through.
 */
function createDeferredSink(): SocketSink & { attach(socket: WebSocket): void } {
  let socket: WebSocket | undefined;
  const queued: string[] = [];
  let closeWith: { code: number; reason: string } | undefined;
  let admitted = false;
  return {
    admitted() {
      admitted = true;
      if (socket) raisePayloadLimit(socket, MAX_FRAME_BYTES);
    },
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
      if (admitted) raisePayloadLimit(ws, MAX_FRAME_BYTES);
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
  // Frames are cut at the socket before they are buffered: the pre-auth limit until hello-ok,
  // then hello-ok's maxPayload (as the real gateway, which closes 1009 with no reason).
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: PREAUTH_MAX_FRAME_BYTES,
    perMessageDeflate: false,
  });

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
      // Binary frames are read as UTF-8 text, as the real gateway reads them.
      ws.on("message", (data) => connection.receive(textOf(data)));
      ws.on("close", closeOnce);
      // ws already started the close (1009 for an oversized frame): let its close frame go out.
      ws.on("error", () => undefined);
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
