import { buildDeviceAuthPayloadV3 } from "@openclaw/gateway-client/browser";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { base64UrlToBytes, sha256Hex, utf8Bytes } from "../../src/protocol/encoding";
import { connectDevice, TransportRefusedError } from "../../mocks/simulator/device-client";
import { createDeviceIdentity } from "../../mocks/simulator/device-identity";
import { openWsTransport } from "../../mocks/simulator/ws-transport";

async function verify(publicKey: string, payload: string, signature: string): Promise<boolean> {
  const key = await crypto.subtle.importKey(
    "raw",
    base64UrlToBytes(publicKey) as BufferSource,
    { name: "Ed25519" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify(
    { name: "Ed25519" },
    key,
    base64UrlToBytes(signature) as BufferSource,
    utf8Bytes(payload) as BufferSource,
  );
}

describe("device identity", () => {
  it("derives the device id from the raw public key and signs verifiably", async () => {
    const identity = await createDeviceIdentity();
    const raw = base64UrlToBytes(identity.publicKey);
    expect(raw?.length).toBe(32);
    expect(identity.deviceId).toBe(await sha256Hex(raw ?? new Uint8Array()));
    expect(identity.deviceId).toMatch(/^[0-9a-f]{64}$/);
    const signature = await identity.sign("hello");
    expect(await verify(identity.publicKey, "hello", signature)).toBe(true);
    expect(await verify(identity.publicKey, "hellO", signature)).toBe(false);
  });
});

describe("device client over a real WebSocket", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  // A minimal stand-in gateway: checks the Origin header reached the upgrade and the v3 proof.
  async function startServer(): Promise<string> {
    server = createServer();
    const wss = new WebSocketServer({
      server,
      verifyClient: (info, cb) => (info.req.headers["x-forwarded-for"] ? cb(false, 403) : cb(true)),
    });
    wss.on("connection", (socket, request) => {
      const origin = request.headers.origin;
      socket.send(
        JSON.stringify({
          type: "event",
          event: "connect.challenge",
          payload: { nonce: "n-1", ts: 1000 },
        }),
      );
      socket.on("message", (data) => {
        const frame = JSON.parse(String(data));
        const { device, client, role, scopes, auth } = frame.params;
        const payload = buildDeviceAuthPayloadV3({
          deviceId: device.id,
          clientId: client.id,
          clientMode: client.mode,
          role,
          scopes,
          signedAtMs: 1000,
          token: auth.token ?? "",
          nonce: "n-1",
          platform: client.platform,
          deviceFamily: client.deviceFamily,
        });
        void verify(device.publicKey, payload, device.signature).then((valid) => {
          if (valid && device.nonce === "n-1" && device.signedAt === 1000) {
            socket.send(
              JSON.stringify({
                type: "res",
                id: frame.id,
                ok: true,
                payload: { type: "hello-ok", origin, auth: { role, scopes } },
              }),
            );
          } else {
            socket.send(
              JSON.stringify({
                type: "res",
                id: frame.id,
                ok: false,
                error: { code: "INVALID_REQUEST", message: "bad proof" },
              }),
            );
            socket.close(1008, "bad proof");
          }
        });
      });
    });
    await new Promise<void>((done) => server?.listen(0, "127.0.0.1", done));
    return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const client = { id: "node-host", mode: "node", platform: " Linux ", deviceFamily: "Server" };

  it("answers the challenge with a proof the server accepts, sending custom headers", async () => {
    const url = await startServer();
    const transport = await openWsTransport(url, { origin: "http://localhost:5173" });
    const identity = await createDeviceIdentity();
    const outcome = await connectDevice(transport, {
      identity,
      client,
      role: "operator",
      scopes: ["operator.read"],
      auth: { token: "T" },
    });
    expect(outcome.kind).toBe("hello");
    if (outcome.kind === "hello") {
      expect(outcome.hello.origin).toBe("http://localhost:5173");
      outcome.session.close();
      expect((await outcome.session.closed).code).toBe(1000);
    }
  });

  it("reports a refused proof together with the close that follows it", async () => {
    const url = await startServer();
    const identity = await createDeviceIdentity();
    const outcome = await connectDevice(await openWsTransport(url), {
      identity,
      client,
      role: "operator",
      scopes: [],
      auth: { token: "T" },
      tamper: { badSignature: true },
    });
    expect(outcome).toEqual({
      kind: "refused",
      error: { code: "INVALID_REQUEST", message: "bad proof" },
      close: { code: 1008, reason: "bad proof" },
    });
  });

  it("rejects with the HTTP status when the upgrade is refused", async () => {
    const url = await startServer();
    const refused = openWsTransport(url, { "x-forwarded-for": "10.0.0.9" });
    await expect(refused).rejects.toBeInstanceOf(TransportRefusedError);
    await expect(refused).rejects.toMatchObject({ status: 403 });
  });
});
