// @vitest-environment jsdom
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocketServer } from "ws";
import { createMockGateway } from "../../mocks/core/gateway";
import { createMemoryStore } from "../../mocks/core/memory-store";
import { createGatewayHandlers, REFUSED_UPGRADE_CLOSE } from "../../mocks/handlers";

// The browser setup (mocks/browser.ts) in miniature: gateway handlers plus the "bypass"
// strategy, so everything that is not the gateway reaches the real network.

const GATEWAY_URL = "ws://127.0.0.1:18789";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "bypass" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("msw ws.link adapter, browser strategy", () => {
  it("closes the page's socket like a failed upgrade when the core refuses", async () => {
    const refusing = {
      accept: () => ({ refused: { status: 403 as const, reason: "untrusted proxy" } }),
    };
    server.resetHandlers(
      ...createGatewayHandlers(refusing, { urls: [GATEWAY_URL], pageOrigin: () => undefined }),
    );

    const socket = new WebSocket(GATEWAY_URL);
    const seen: string[] = [];
    socket.addEventListener("open", () => seen.push("open"));
    socket.addEventListener("error", () => seen.push("error"));
    const close = await new Promise<CloseEvent>((resolve) =>
      socket.addEventListener("close", resolve),
    );
    expect(seen).toEqual(["error"]);
    expect(close.code).toBe(REFUSED_UPGRADE_CLOSE.code);
  });

  it("leaves sockets to other URLs untouched (Vite's HMR socket keeps working)", async () => {
    const http = createServer();
    const echo = new WebSocketServer({ server: http });
    echo.on("connection", (peer) => peer.on("message", (data) => peer.send(String(data))));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const gateway = await createMockGateway({
      config: { auth: { mode: "token", token: "t" } },
      store: createMemoryStore(),
    });
    const accept = vi.spyOn(gateway, "accept");
    server.resetHandlers(
      ...createGatewayHandlers(gateway, { urls: [GATEWAY_URL], pageOrigin: () => undefined }),
    );

    try {
      const port = (http.address() as AddressInfo).port;
      const socket = new WebSocket(`ws://127.0.0.1:${port}/?token=hmr`);
      await new Promise((resolve) => socket.addEventListener("open", resolve));
      socket.send("ping");
      const reply = await new Promise<MessageEvent>((resolve) =>
        socket.addEventListener("message", resolve),
      );
      expect(reply.data).toBe("ping");
      expect(accept).not.toHaveBeenCalled();
      socket.close();
    } finally {
      await new Promise<void>((resolve) => echo.close(() => http.close(() => resolve())));
    }
  });
});
