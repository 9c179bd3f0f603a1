import { WebSocket, type RawData } from "ws";
import { startWsServer, type WsServerHandle } from "../../test/support/ws-server";

// Chromium's network emulation delays a WebSocket's upgrade by the profile's latency and
// limits its frames' bandwidth, but delivers each frame without latency (measured: a ping
// answered in 49 ms throttled against 55 ms unthrottled, while the upgrade took 175 ms against
// 39 ms). On a real 150 ms link every request on the socket costs a round trip, so the slow
// profile sends Pairdesk's socket through this relay: each frame waits half the latency in
// each direction. The Origin header is passed on, so the gateway sees the page's origin.

export type LatencyRelay = WsServerHandle;

export function startLatencyRelay(target: string, oneWayMs: number): Promise<LatencyRelay> {
  return startWsServer((page, request) => {
    const origin = request.headers.origin;
    const gateway = new WebSocket(target, { headers: origin ? { origin } : {} });
    const toGateway: [RawData, boolean][] = [];
    const later = (action: () => void) => setTimeout(action, oneWayMs);
    page.on("message", (data, binary) =>
      later(() => {
        if (gateway.readyState === WebSocket.OPEN) gateway.send(data, { binary });
        else toGateway.push([data, binary]);
      }),
    );
    gateway.on("open", () => {
      for (const [data, binary] of toGateway.splice(0)) gateway.send(data, { binary });
    });
    gateway.on("message", (data, binary) => later(() => page.send(data, { binary })));
    const closeCode = (code: number) => (code === 1005 || code === 1006 ? 1000 : code);
    gateway.on("close", (code, reason) => later(() => page.close(closeCode(code), reason)));
    page.on("close", (code, reason) => later(() => gateway.close(closeCode(code), reason)));
    gateway.on("error", () => page.terminate());
    page.on("error", () => gateway.terminate());
  });
}
