import { gatewayLinkFor } from "../../mocks/handlers";
import type { TestGateway } from "../../mocks/node";

// A tap on the msw link between the app and the mock gateway: inject frames the gateway never
// sent, hold back or rewrite frames it did send, and see what the app sends. Installed with
// `server.use` before the app connects; the mock's own handler still serves every socket.

type Client = {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(
    type: "message",
    listener: (event: MessageEvent & { stopPropagation(): void }) => void,
  ): void;
};

/** What to do with a frame the gateway sends: pass it, drop it, replace it, or cut the socket. */
export type OutgoingVerdict = "pass" | "drop" | "close" | { replace: string };

export type LinkTap = {
  /** Frames to the app, as if the gateway had sent them (to the newest socket). */
  inject(text: string): void;
  /** Decides the fate of every frame the gateway sends from now on. */
  outgoing: (text: string) => OutgoingVerdict;
  /** Sees every frame the app sends; return "swallow" to keep it from the gateway. */
  incoming: (text: string) => "pass" | "swallow";
  /** Every frame the app sent, in order. */
  sent: string[];
  sockets: () => number;
};

export function tapGateway(harness: TestGateway): LinkTap {
  const clients: { client: Client; send: (data: string) => void }[] = [];
  const tap: LinkTap = {
    inject(text) {
      const socket = clients.at(-1);
      if (!socket) throw new Error("no socket to inject into");
      socket.send(text);
    },
    outgoing: () => "pass",
    incoming: () => "pass",
    sent: [],
    sockets: () => clients.length,
  };
  harness.server.use(
    gatewayLinkFor(harness.url).addEventListener("connection", ({ client: raw }) => {
      const client = raw as unknown as Client;
      const send = client.send.bind(client);
      clients.push({ client, send });
      // The mock's handler sends through this same client object: wrap it.
      client.send = (data: string) => {
        const verdict = typeof data === "string" ? tap.outgoing(data) : "pass";
        if (verdict === "pass") send(data);
        else if (verdict === "close") client.close(1012, "service restart");
        else if (verdict !== "drop") send(verdict.replace);
      };
      // Registered before the mock's own listener (server.use prepends), so it can stop one.
      client.addEventListener("message", (event) => {
        if (typeof event.data !== "string") return;
        tap.sent.push(event.data);
        if (tap.incoming(event.data) === "swallow") event.stopPropagation();
      });
    }),
  );
  return tap;
}
