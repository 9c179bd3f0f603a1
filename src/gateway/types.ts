import type { EventFrame, WireText } from "../protocol";

// The contract between the connection (src/gateway) and the query layer and screens.

export type ConnectSettings = {
  url: string;
  /** Shared token or password; never logged, never in a URL or an error text. */
  secret: string;
  secretKind: "token" | "password";
  remember: boolean;
};

/** A refusal or failure explained in words a person can act on, with the code kept for support. */
export type ConnectProblem = {
  kind:
    | "wrong-secret"
    | "origin-not-allowed"
    | "pairing-required"
    | "insufficient-scope"
    | "unreachable"
    | "protocol-mismatch"
    | "device-identity"
    | "rate-limited"
    | "other";
  title: WireText;
  detail: WireText;
  code?: string;
  requestId?: string;
  command?: string;
  missingScope?: string;
  origin?: string;
};

export type ConnectionStatus =
  | { kind: "idle" }
  | { kind: "connecting"; url: string }
  | {
      kind: "connected";
      url: string;
      scopes: string[];
      serverVersion?: string;
      connId?: string;
      /** This browser's own device on the gateway. */
      deviceId?: string;
    }
  | {
      kind: "reconnecting";
      url: string;
      retryAtMs: number;
      attempt: number;
      problem?: ConnectProblem;
    }
  | { kind: "failed"; url: string; problem: ConnectProblem }
  | { kind: "disconnected"; url?: string };

export interface GatewayConnection {
  /** Sends a request; rejects with GatewayRequestError (gateway refusal) or a transport error. */
  request<T>(method: string, params?: unknown, options?: { timeoutMs?: number }): Promise<T>;
  onEvent(listener: (event: EventFrame) => void): () => void;
  /** After each hello (first connect and every reconnect) and on an event-sequence gap. */
  onResync(listener: (why: "hello" | "gap") => void): () => void;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  readonly status: ConnectionStatus;
  readonly scopes: readonly string[];
  /** Frames and payloads Pairdesk could not read since the last connect(). */
  readonly unreadableFrames: number;
  onUnreadable(listener: (count: number) => void): () => void;
  reportUnreadable(count?: number): void;
  connect(settings: ConnectSettings): void;
  /** Asks for `extra` too, on a person's choice only; the gateway keeps them (see narrowScopes). */
  requestScopes(extra: readonly string[]): void;
  /** The one way back to least privilege: remove this browser's pairing and pair again. */
  narrowScopes(): void;
  readonly extraScopes: readonly string[];
  disconnect(): void;
}
