import type {
  GatewayProtocolSocket,
  GatewayProtocolSocketHandlers,
} from "@openclaw/gateway-client/browser";
import { CLOSE_REASON_MAX_BYTES } from "../protocol";
import type { ConnectProblem } from "./types";

// Adapts a browser WebSocket to the wire client's small socket contract.

export type WebSocketFactory = (url: string) => WebSocket;

const OPEN = 1;
const NORMAL_CLOSURE = 1000;

export function openBrowserSocket(
  url: string,
  handlers: GatewayProtocolSocketHandlers,
  factory: WebSocketFactory = (target) => new WebSocket(target),
  /** A binary frame arrived: not part of the protocol, dropped, but worth counting. */
  onBinary?: () => void,
): GatewayProtocolSocket {
  const socket = factory(url);
  socket.addEventListener("open", () => handlers.open());
  socket.addEventListener("message", (event: MessageEvent) => {
    if (typeof event.data === "string") handlers.message(event.data);
    else onBinary?.();
  });
  socket.addEventListener("close", (event: CloseEvent) => handlers.close(event.code, event.reason));
  socket.addEventListener("error", () => handlers.error(new Error("WebSocket error")));
  return {
    isOpen: () => socket.readyState === OPEN,
    send: (data) => socket.send(data),
    close: (code, reason) => {
      // Browsers only let a page send 1000 or 3000–4999 (anything else throws); the wire client
      // asks for 1008 on handshake timeouts, which is the gateway's code to send, not ours.
      const allowed =
        code === NORMAL_CLOSURE || (code !== undefined && code >= 3000 && code <= 4999);
      try {
        socket.close(allowed ? code : NORMAL_CLOSURE, truncateReason(reason ?? ""));
      } catch {
        socket.close();
      }
    },
  };
}

function truncateReason(reason: string): string {
  const bytes = new TextEncoder().encode(reason);
  if (bytes.length <= CLOSE_REASON_MAX_BYTES) return reason;
  return new TextDecoder().decode(bytes.slice(0, CLOSE_REASON_MAX_BYTES)).replace(/\uFFFD+$/, "");
}

/** A problem when the text is not a ws:// or wss:// URL; undefined when it is usable. */
export function validateGatewayUrl(url: string): ConnectProblem | undefined {
  if (!URL.canParse(url)) return invalidUrl("This is not a web address.");
  const parsed = new URL(url);
  if (parsed.protocol !== "ws:" && parsed.protocol !== "wss:") {
    return invalidUrl("A gateway address starts with ws:// or wss://.");
  }
  if (parsed.username || parsed.password || parsed.search) {
    // Credentials belong in the Token field, never in an address that ends up in logs.
    return invalidUrl("Leave credentials out of the address; put them in the Token field.");
  }
  return undefined;
}

function invalidUrl(detail: string): ConnectProblem {
  return {
    kind: "unreachable",
    title: "Check the gateway URL",
    detail: `${detail} For example: ws://127.0.0.1:18789.`,
  };
}
