import type {
  GatewayProtocolSocket,
  GatewayProtocolSocketHandlers,
} from "@openclaw/gateway-client/browser";
import { CLOSE_REASON_MAX_BYTES } from "../protocol";
import type { ConnectProblem } from "./types";

// Adapts a browser WebSocket to the wire client's small socket contract. A remembered
// gateway's socket was opened before the modules arrived (early-socket-opener.js): the first
// connect to that address takes it over, with what it heard; a connect elsewhere closes it.

export type WebSocketFactory = (url: string) => WebSocket;

type EarlySocket = {
  url: string;
  socket: WebSocket;
  heard: unknown[];
  hear: (event: MessageEvent) => void;
};

declare global {
  /** undefined: the opener has not run; null: taken, or nothing to take over. */
  var pairdeskEarlySocket: EarlySocket | null | undefined;
}

const OPEN = 1;

/** The early socket to `url` if it is still usable; any other is closed. */
function takeEarlySocket(url: string): EarlySocket | undefined {
  const early = globalThis.pairdeskEarlySocket;
  globalThis.pairdeskEarlySocket = null;
  early?.socket.removeEventListener("message", early.hear);
  if (early?.url === url && early.socket.readyState <= OPEN) return early;
  early?.socket.close();
  return undefined;
}

const NORMAL_CLOSURE = 1000;

export function openBrowserSocket(
  url: string,
  handlers: GatewayProtocolSocketHandlers,
  factory: WebSocketFactory = (target) => new WebSocket(target),
  /** A binary frame arrived: not part of the protocol, dropped, but worth counting. */
  onBinary?: () => void,
): GatewayProtocolSocket {
  const early = takeEarlySocket(url);
  const socket = early?.socket ?? factory(url);
  const message = (data: unknown) => {
    if (typeof data === "string") handlers.message(data);
    else onBinary?.();
  };
  socket.addEventListener("open", () => handlers.open());
  socket.addEventListener("message", (event: MessageEvent) => message(event.data));
  if (early?.socket.readyState === OPEN) {
    // It opened before this page's code ran: tell the wire client now, then what it heard.
    queueMicrotask(() => {
      handlers.open();
      early.heard.forEach(message);
    });
  }
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
