import { ws, type WebSocketHandler, type WebSocketLink } from "msw";
import { DEFAULT_GATEWAY_URL } from "../src/protocol";
import type { ConnectionFacts, MockGateway } from "./core/types";

// The single description of the fake network, shared by mocks/browser.ts (setupWorker, dev)
// and mocks/node.ts (setupServer, tests). Only the gateway URLs are intercepted: msw hands
// every other socket (Vite's HMR socket in dev) to its unhandled-request strategy.

/** The admin's browser talks to a loopback gateway, so that is the peer address the gateway sees. */
export const BROWSER_REMOTE_ADDRESS = "127.0.0.1";

/**
 * How a refused upgrade looks to the page. A real gateway answers the upgrade with HTTP 403,
 * which a browser reports as an `error` event and then a close with code 1006 (never a status
 * or reason). msw cannot fail an upgrade, so the mock fires `error` and closes with 1006 too;
 * the short reason is for people reading a trace, and no client should branch on it.
 */
export const REFUSED_UPGRADE_CLOSE = { code: 1006, reason: "upgrade refused: HTTP 403" } as const;

/** A binary frame's bytes as UTF-8 text: the real gateway reads binary frames as text. */
async function binaryText(data: unknown): Promise<string> {
  if (data instanceof Blob) return data.text();
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data))
    return new TextDecoder().decode(data);
  return String(data);
}

const links = new Map<string, WebSocketLink>();

/** One link per URL, so a test's override and the default handlers share the same clients. */
export function gatewayLinkFor(url: string): WebSocketLink {
  let link = links.get(url);
  if (!link) {
    link = ws.link(url);
    links.set(url, link);
  }
  return link;
}

/** The default gateway URL's link: `server.use(gatewayLink.addEventListener(…))` overrides one behaviour. */
export const gatewayLink = gatewayLinkFor(DEFAULT_GATEWAY_URL);

export type GatewayHandlerOptions = {
  /** Gateway URLs to intercept, e.g. `ws://127.0.0.1:18789`. */
  urls: string[];
  /** The page's origin, sent as the `Origin` header as a browser would; undefined sends none. */
  pageOrigin: () => string | undefined;
};

/** What the gateway would learn from the browser's upgrade request. */
export function browserFacts(socketUrl: URL, origin: string | undefined): ConnectionFacts {
  const headers: Record<string, string> = { host: socketUrl.host };
  if (origin) headers.origin = origin;
  return { remoteAddress: BROWSER_REMOTE_ADDRESS, headers };
}

export function createGatewayHandlers(
  gateway: Pick<MockGateway, "accept">,
  options: GatewayHandlerOptions,
): WebSocketHandler[] {
  return options.urls.map((url) =>
    gatewayLinkFor(url).addEventListener("connection", ({ client }) => {
      let open = true;
      const accepted = gateway.accept(browserFacts(client.url, options.pageOrigin()), {
        send(text) {
          if (open) client.send(text);
        },
        close(code, reason) {
          if (!open) return;
          open = false;
          // msw delivers client.send() a microtask later and drops it if the socket is closing
          // by then; closing a microtask later lets the refusal frame that precedes the close
          // arrive first, as it does on a real socket.
          queueMicrotask(() => client.close(code, reason));
        },
      });

      if ("refused" in accepted) {
        open = false;
        // Closing before the socket opens means the page sees no `open`, as with a failed upgrade.
        client.socket.dispatchEvent(new Event("error"));
        client.close(REFUSED_UPGRADE_CLOSE.code, REFUSED_UPGRADE_CLOSE.reason);
        return;
      }

      const connection = accepted.connection;
      client.addEventListener("message", (event) => {
        if (typeof event.data === "string") connection.receive(event.data);
        else void binaryText(event.data).then((text) => connection.receive(text));
      });
      client.addEventListener("close", () => {
        open = false;
        connection.closed();
      });
    }),
  );
}
