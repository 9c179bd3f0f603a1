import type { IncomingMessage } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";

export type WsServerHandle = { url: string; close(): Promise<void> };

/** A WebSocket server on a free loopback port; `close` ends every socket, then the server. */
export async function startWsServer(
  onConnection: (socket: WebSocket, upgrade: IncomingMessage) => void,
): Promise<WsServerHandle> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  server.on("connection", onConnection);
  const { port } = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
