import { readConnectAuth, type ConnectAuth } from "./auth-read";

// The connect params the mock reads (spec §2). They were checked by the protocol's own
// validator already (protocol-checks.ts), so this only gives them a type.

export type ConnectParams = {
  minProtocol: number;
  maxProtocol: number;
  client: {
    id: string;
    mode: string;
    version: string;
    platform: string;
    displayName?: string;
    deviceFamily?: string;
  };
  role: string;
  /** As sent (the proof signs them so); empty when absent. */
  scopes: string[];
  auth: ConnectAuth;
  caps: string[];
  /** A node's declared command surface (empty when absent). */
  commands: string[];
  device?: { id: string; publicKey: string; signature: string; signedAt: number; nonce: string };
};

type Raw = Omit<ConnectParams, "role" | "scopes" | "auth" | "caps" | "commands"> & {
  role?: string;
  scopes?: string[];
  auth?: unknown;
  caps?: string[];
  commands?: string[];
};

export function readConnectParams(raw: unknown): ConnectParams {
  const params = raw as Raw;
  return {
    ...params,
    role: params.role ?? "operator",
    scopes: params.scopes ?? [],
    auth: readConnectAuth(params.auth),
    caps: params.caps ?? [],
    commands: params.commands ?? [],
  };
}
