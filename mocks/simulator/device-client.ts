import { buildDeviceAuthPayloadV3 } from "@openclaw/gateway-client/browser";
import {
  buildRequest,
  EVENTS,
  METHODS,
  parseFrame,
  PROTOCOL_VERSION,
  type ErrorShape,
  type EventFrame,
  type ResponseFrame,
} from "../../src/protocol";
import type { DeviceIdentity } from "./device-identity";

// A simulated device: answers the challenge with a signed v3 proof (spec §2) and then
// offers a tiny request/response session. Runs over any ClientTransport (in-process, ws).

export type ClientTransport = {
  send(text: string): void;
  close(code?: number, reason?: string): void;
  onMessage(cb: (text: string) => void): void;
  onClose(cb: (code: number, reason: string) => void): void;
};

/** An upgrade the server refused before any frame (e.g. HTTP 403 for untrusted forwarding). */
export class TransportRefusedError extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(`upgrade refused with HTTP ${status}: ${reason}`);
    this.name = "TransportRefusedError";
  }
}

/** Knobs that make a deliberately bad proof, one per DEVICE_AUTH_* refusal. */
export type DeviceTamper = {
  /** Sign and send a nonce other than the challenge's. */
  wrongNonce?: boolean;
  /** Sign a different payload than the one the gateway rebuilds. */
  badSignature?: boolean;
  /** Claim a device id that is not the hash of the public key. */
  wrongDeviceId?: boolean;
  /** Send a public key that is not 32 raw bytes. */
  badPublicKey?: boolean;
  /**
   * Sign and send a signedAt this many ms away from the challenge ts. The gateway accepts up
   * to two minutes either way (observed: 60 s older passes), so beyond that it is expired.
   */
  signedAtOffsetMs?: number;
  /** Send no device block at all. */
  skipDevice?: boolean;
  /** Send the device block without a nonce. */
  omitNonce?: boolean;
  /** Sign with this other identity's key while claiming the device's own id and key. */
  signWith?: DeviceIdentity;
  /** Sign this credential instead of the one sent in auth. */
  signedToken?: string;
};

export type DeviceConnectOptions = {
  identity: DeviceIdentity;
  client: {
    id: string;
    mode: string;
    platform: string;
    version?: string;
    displayName?: string;
    deviceFamily?: string;
  };
  role: string;
  /** Undefined sends no `scopes` key at all. */
  scopes: string[] | undefined;
  auth: { token?: string; password?: string; deviceToken?: string; bootstrapToken?: string };
  /** A node's declared surface (spec §2 sends them empty). */
  caps?: string[];
  commands?: string[];
  permissions?: Record<string, boolean>;
  minProtocol?: number;
  maxProtocol?: number;
  tamper?: DeviceTamper;
  /** How long to wait for the close that follows a refusal (default 1000 ms). */
  closeWaitMs?: number;
  /** Give up on a gateway that never answers (default 10 s). */
  timeoutMs?: number;
};

export type CloseInfo = { code: number; reason: string };

export type DeviceSession = {
  request(method: string, params?: unknown): Promise<ResponseFrame>;
  /** Every event received after hello-ok, in order (with its seq). */
  events: EventFrame[];
  onEvent(cb: (event: EventFrame) => void): () => void;
  close(): void;
  closed: Promise<CloseInfo>;
};

export type HelloOkPayload = {
  type: "hello-ok";
  protocol: number;
  server: { version: string; connId: string };
  auth: { role: string; scopes: string[]; deviceToken?: string; issuedAtMs?: number };
  [key: string]: unknown;
};

export type DeviceConnectOutcome =
  | { kind: "hello"; hello: HelloOkPayload; session: DeviceSession }
  | { kind: "refused"; error: ErrorShape; close?: CloseInfo };

type Pending = (frame: ResponseFrame) => void;

/** The credential the proof covers: shared token, else device token, else setup-code token. */
function signatureToken(auth: DeviceConnectOptions["auth"]): string {
  return auth.token ?? auth.deviceToken ?? auth.bootstrapToken ?? "";
}

async function buildDevice(
  options: DeviceConnectOptions,
  challenge: { nonce: string; ts: number },
): Promise<Record<string, unknown> | undefined> {
  const tamper = options.tamper ?? {};
  if (tamper.skipDevice) return undefined;
  const { identity, client } = options;
  const nonce = tamper.wrongNonce ? `${challenge.nonce}-other` : challenge.nonce;
  const signedAt = challenge.ts + (tamper.signedAtOffsetMs ?? 0);
  const payload = buildDeviceAuthPayloadV3({
    deviceId: identity.deviceId,
    clientId: client.id,
    clientMode: client.mode,
    role: options.role,
    scopes: options.scopes ?? [],
    signedAtMs: signedAt,
    token: tamper.signedToken ?? signatureToken(options.auth),
    nonce,
    platform: client.platform,
    deviceFamily: client.deviceFamily,
  });
  const signer = tamper.signWith ?? identity;
  const signature = await signer.sign(tamper.badSignature ? `${payload}|tampered` : payload);
  return {
    id: tamper.wrongDeviceId ? "0".repeat(64) : identity.deviceId,
    publicKey: tamper.badPublicKey ? "bm90LWEta2V5" : identity.publicKey,
    signature,
    signedAt,
    ...(tamper.omitNonce ? {} : { nonce }),
  };
}

function buildConnectParams(options: DeviceConnectOptions, device: unknown): unknown {
  const { client } = options;
  return {
    minProtocol: options.minProtocol ?? PROTOCOL_VERSION,
    maxProtocol: options.maxProtocol ?? PROTOCOL_VERSION,
    client: { ...client, version: client.version ?? "0.0.0-sim" },
    role: options.role,
    scopes: options.scopes,
    caps: options.caps ?? [],
    commands: options.commands ?? [],
    permissions: options.permissions ?? {},
    auth: options.auth,
    ...(device ? { device } : {}),
  };
}

export function connectDevice(
  transport: ClientTransport,
  options: DeviceConnectOptions,
): Promise<DeviceConnectOutcome> {
  const pending = new Map<string, Pending>();
  const listeners = new Set<(event: EventFrame) => void>();
  const events: EventFrame[] = [];
  let closeInfo: CloseInfo | undefined;
  let resolveClosed: (info: CloseInfo) => void = () => undefined;
  const closed = new Promise<CloseInfo>((resolve) => (resolveClosed = resolve));
  let nextId = 1;
  let started = false;
  let helloDone = false;

  return new Promise<DeviceConnectOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: DeviceConnectOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      settle({ kind: "refused", error: { code: "UNAVAILABLE", message: "handshake timed out" } });
      transport.close(1000, "handshake timed out");
    }, options.timeoutMs ?? 10_000);

    const session: DeviceSession = {
      events,
      closed,
      request(method, params) {
        const id = `sim-${nextId++}`;
        return new Promise<ResponseFrame>((resolveRes, reject) => {
          if (closeInfo) return reject(new Error(`socket closed (${closeInfo.code})`));
          pending.set(id, resolveRes);
          transport.send(JSON.stringify(buildRequest(id, method, params)));
        });
      },
      onEvent(cb) {
        listeners.add(cb);
        return () => listeners.delete(cb);
      },
      close: () => transport.close(1000, "client closed"),
    };

    const onConnectResponse = (frame: ResponseFrame) => {
      if (frame.ok) {
        helloDone = true;
        settle({ kind: "hello", hello: frame.payload as HelloOkPayload, session });
        return;
      }
      const error = frame.error;
      if (closeInfo) return settle({ kind: "refused", error, close: closeInfo });
      // The gateway closes right after a refusal; wait briefly so the outcome carries it.
      const wait = setTimeout(
        () => settle({ kind: "refused", error }),
        options.closeWaitMs ?? 1000,
      );
      void closed.then((info) => {
        clearTimeout(wait);
        settle({ kind: "refused", error, close: info });
      });
    };

    transport.onMessage((text) => {
      const parsed = parseFrame(text);
      if (!parsed.ok) return;
      const frame = parsed.frame;
      if (frame.type === "event") {
        if (frame.event === EVENTS.connectChallenge && !started) {
          started = true;
          const challenge = frame.payload as { nonce: string; ts: number };
          void buildDevice(options, challenge).then((device) => {
            pending.set("connect-1", onConnectResponse);
            const params = buildConnectParams(options, device);
            transport.send(JSON.stringify(buildRequest("connect-1", METHODS.connect, params)));
          });
          return;
        }
        if (!helloDone) return;
        events.push(frame);
        for (const listener of listeners) listener(frame);
        return;
      }
      if (frame.type === "res") {
        const handler = pending.get(frame.id);
        pending.delete(frame.id);
        handler?.(frame);
      }
    });

    transport.onClose((code, reason) => {
      closeInfo = { code, reason };
      resolveClosed(closeInfo);
      // Requests still waiting will never be answered.
      for (const [id, handler] of pending) {
        if (id === "connect-1") continue;
        handler({
          type: "res",
          id,
          ok: false,
          error: { code: "UNAVAILABLE", message: `socket closed (${code})` },
        });
      }
      pending.clear();
      const message = `socket closed (${code}) before hello-ok`;
      setTimeout(() => {
        if (!helloDone)
          settle({ kind: "refused", error: { code: "UNAVAILABLE", message }, close: closeInfo });
      }, 0);
    });
  });
}
