import { afterEach, describe, expect, it } from "vitest";
import { connectDevice } from "../../mocks/simulator/device-client";
import { createDeviceIdentity } from "../../mocks/simulator/device-identity";
import {
  BROWSER_ORIGIN,
  CONTROL_UI,
  connect,
  connectHello,
  LOOPBACK,
  openTransport,
  settle,
  startGateway,
  takeSchemaErrors,
  TOKEN,
  withOrigin,
} from "../support/core-harness";

afterEach(() => expect(takeSchemaErrors()).toEqual([]));

describe("mock gateway handshake", () => {
  it("answers a valid connect with hello-ok carrying the socket's authority and a device token", async () => {
    const { gateway } = await startGateway();
    const outcome = await connectHello(gateway);
    expect(outcome.hello.protocol).toBe(4);
    expect(outcome.hello.auth).toMatchObject({ role: "operator", scopes: ["operator.read"] });
    expect(outcome.hello.auth.deviceToken).toEqual(expect.any(String));
    expect(gateway.list().paired[0]).toMatchObject({
      deviceId: outcome.identity.deviceId,
      approvedVia: "silent",
    });
    expect(JSON.stringify(gateway.list())).not.toContain(outcome.hello.auth.deviceToken ?? "-");
  });

  it("accepts the issued device token instead of the shared token on reconnect", async () => {
    const { gateway } = await startGateway();
    const first = await connectHello(gateway);
    const again = await connect(gateway, {
      identity: first.identity,
      auth: { deviceToken: first.hello.auth.deviceToken },
    });
    expect(again.kind).toBe("hello");
  });

  it.each([
    [
      { token: "wrong" },
      "AUTH_TOKEN_MISMATCH",
      "unauthorized: gateway token mismatch (provide gateway auth token)",
    ],
    [{}, "AUTH_TOKEN_MISSING", "unauthorized: gateway token missing (provide gateway auth token)"],
    [
      { deviceToken: "forged" },
      "AUTH_DEVICE_TOKEN_MISMATCH",
      "unauthorized: device token mismatch (rotate/reissue device token)",
    ],
  ])("refuses bad credentials %j with %s and closes 1008", async (auth, detailCode, message) => {
    const { gateway } = await startGateway();
    const outcome = await connect(gateway, { auth });
    expect(outcome).toMatchObject({
      kind: "refused",
      error: { code: "INVALID_REQUEST", message, details: { code: detailCode } },
      close: { code: 1008, reason: message },
    });
  });

  it.each([
    [{ wrongNonce: true }, "DEVICE_AUTH_NONCE_MISMATCH", "device nonce mismatch"],
    [{ badSignature: true }, "DEVICE_AUTH_SIGNATURE_INVALID", "device signature invalid"],
    [{ wrongDeviceId: true }, "DEVICE_AUTH_DEVICE_ID_MISMATCH", "device identity mismatch"],
    // The id is derived from the key first, so a key that is not 32 bytes reads as a mismatch.
    [{ badPublicKey: true }, "DEVICE_AUTH_DEVICE_ID_MISMATCH", "device identity mismatch"],
    [{ signedAtOffsetMs: -180_000 }, "DEVICE_AUTH_SIGNATURE_EXPIRED", "device signature expired"],
    [{ signedAtOffsetMs: 150_000 }, "DEVICE_AUTH_SIGNATURE_EXPIRED", "device signature expired"],
  ])("refuses a bad device proof %j with %s", async (tamper, detailCode, message) => {
    const { gateway } = await startGateway();
    const outcome = await connect(gateway, { tamper });
    expect(outcome).toMatchObject({
      kind: "refused",
      error: { code: "INVALID_REQUEST", message, details: { code: detailCode } },
      close: { code: 1008, reason: message },
    });
    expect(gateway.list().paired).toEqual([]);
  });

  it.each([-60_000, 90_000])(
    "accepts a proof signed %i ms from the challenge, within the two-minute tolerance",
    async (signedAtOffsetMs) => {
      const { gateway } = await startGateway();
      expect((await connect(gateway, { tamper: { signedAtOffsetMs } })).kind).toBe("hello");
    },
  );

  it("refuses a device-less connect that has no verified shared secret", async () => {
    const { gateway } = await startGateway({ auth: { mode: "none" } });
    const outcome = await connect(gateway, { tamper: { skipDevice: true }, auth: {} });
    expect(outcome).toMatchObject({
      kind: "refused",
      error: {
        code: "NOT_PAIRED",
        message: "device identity required",
        details: { code: "DEVICE_IDENTITY_REQUIRED" },
      },
      close: { code: 1008 },
    });
  });

  // The real `openclaw devices …` CLI sends no device block on a loopback URL with the token.
  it("admits a device-less local CLI with the shared token and keeps its scopes", async () => {
    const { gateway } = await startGateway();
    const outcome = await connect(gateway, {
      tamper: { skipDevice: true },
      client: { id: "cli", mode: "cli", platform: "linux" },
      scopes: ["operator.pairing"],
    });
    expect(outcome).toMatchObject({
      kind: "hello",
      hello: { auth: { role: "operator", scopes: ["operator.pairing"] } },
    });
    expect(gateway.list().paired).toEqual([]);
  });

  it("admits other device-less operators with the token but clears their scopes", async () => {
    const { gateway } = await startGateway();
    const outcome = await connect(gateway, {
      tamper: { skipDevice: true },
      client: { id: "node-host", mode: "node", platform: "linux" },
      scopes: ["operator.pairing"],
    });
    expect(outcome).toMatchObject({ kind: "hello", hello: { auth: { scopes: [] } } });
  });

  it("clears a device-less CLI's scopes when it sends a (loopback) browser Origin", async () => {
    const { gateway } = await startGateway();
    const outcome = await connect(gateway, {
      tamper: { skipDevice: true },
      client: { id: "cli", mode: "cli", platform: "linux" },
      scopes: ["operator.pairing"],
      facts: withOrigin(LOOPBACK, BROWSER_ORIGIN),
    });
    expect(outcome).toMatchObject({ kind: "hello", hello: { auth: { scopes: [] } } });
  });

  // Observed: the Origin rule is not the Control UI's alone; any client sending one is held to it.
  it.each([
    ["node-host", { id: "node-host", mode: "node", platform: "linux" }, "https://evil.example"],
    ["cli", { id: "cli", mode: "cli", platform: "linux" }, "https://evil.example"],
    [
      "node-host from a LAN page",
      { id: "node-host", mode: "node", platform: "linux" },
      "http://192.168.1.20:5173",
    ],
  ])(
    "refuses %s with a non-loopback Origin that is not allowed; nothing is pending",
    async (_name, client, origin) => {
      const { gateway } = await startGateway();
      const outcome = await connect(gateway, { client, facts: withOrigin(LOOPBACK, origin) });
      expect(outcome).toMatchObject({
        kind: "refused",
        error: {
          code: "INVALID_REQUEST",
          details: { code: "CONTROL_UI_ORIGIN_NOT_ALLOWED", reason: "origin not allowed" },
        },
        close: { code: 1008 },
      });
      expect(gateway.list()).toEqual({ pending: [], paired: [] });
    },
  );

  it("refuses the Control UI without an Origin as 'origin missing or invalid'", async () => {
    const { gateway } = await startGateway();
    const outcome = await connect(gateway, { client: CONTROL_UI });
    expect(outcome).toMatchObject({
      kind: "refused",
      error: {
        code: "INVALID_REQUEST",
        details: { code: "CONTROL_UI_ORIGIN_NOT_ALLOWED", reason: "origin missing or invalid" },
      },
    });
  });

  it("refuses a protocol mismatch with PROTOCOL_MISMATCH", async () => {
    const { gateway } = await startGateway();
    const outcome = await connect(gateway, { minProtocol: 2, maxProtocol: 3 });
    expect(outcome).toMatchObject({
      kind: "refused",
      error: {
        code: "INVALID_REQUEST",
        message: "protocol mismatch",
        details: { code: "PROTOCOL_MISMATCH", expectedProtocol: 4, minimumProbeProtocol: 3 },
      },
      close: { code: 1002, reason: "protocol mismatch" },
    });
  });

  it("refuses a client id outside the closed set", async () => {
    const { gateway } = await startGateway();
    const outcome = await connect(gateway, {
      client: { id: "evil-tool", mode: "cli", platform: "linux" },
    });
    expect(outcome).toMatchObject({
      kind: "refused",
      error: {
        code: "INVALID_REQUEST",
        message:
          "invalid connect params: at /client/id: must be equal to one of the allowed values",
      },
      close: { code: 1008 },
    });
  });

  it("refuses the Control UI from an origin that is not loopback nor allowed, and accepts an allowed one", async () => {
    const facts = withOrigin(
      { remoteAddress: "192.168.1.20", headers: { host: "gw.lan:18789" } },
      "https://evil.example",
    );
    const { gateway } = await startGateway();
    const outcome = await connect(gateway, { client: CONTROL_UI, facts });
    expect(outcome).toMatchObject({
      kind: "refused",
      error: { code: "INVALID_REQUEST", details: { code: "CONTROL_UI_ORIGIN_NOT_ALLOWED" } },
      close: { code: 1008 },
    });
    const { gateway: allowing } = await startGateway({ allowedOrigins: ["https://evil.example"] });
    const allowed = await connect(allowing, { client: CONTROL_UI, facts });
    // Past the origin check, a remote browser is a new device waiting for approval.
    expect(allowed).toMatchObject({ kind: "refused", error: { code: "NOT_PAIRED" } });
  });

  it("answers a first frame that is not connect with an error and closes 1008", async () => {
    const { gateway } = await startGateway();
    const transport = await openTransport(gateway);
    const frames: string[] = [];
    transport.onMessage((text) => frames.push(text));
    const closed = new Promise<[number, string]>((resolve) =>
      transport.onClose((c, r) => resolve([c, r])),
    );
    transport.send(JSON.stringify({ type: "req", id: "1", method: "cron.list", params: {} }));
    expect(await closed).toEqual([1008, "invalid handshake: first request must be connect"]);
    expect(JSON.parse(frames[1] ?? "{}")).toMatchObject({
      id: "1",
      ok: false,
      error: {
        code: "INVALID_REQUEST",
        message: "invalid handshake: first request must be connect",
      },
    });
  });

  it("closes a socket whose pre-handshake frame is over 64 KiB", async () => {
    const { gateway } = await startGateway();
    const transport = await openTransport(gateway);
    const closed = new Promise<number>((resolve) => transport.onClose((code) => resolve(code)));
    transport.send(
      JSON.stringify({
        type: "req",
        id: "1",
        method: "connect",
        params: { pad: "x".repeat(70_000) },
      }),
    );
    expect(await closed).toBe(1009);
  });

  // Observed: JSON that is not a request frame closes 1008; text that is not JSON at all gets
  // a plain 1000 with an empty reason.
  it.each([
    ["{not json", 1000, ""],
    ["[1,2]", 1008, "invalid request frame"],
    ["42", 1008, "invalid request frame"],
    [JSON.stringify({ type: "event", event: "x" }), 1008, "invalid request frame"],
  ])("closes on a malformed first frame %s without crashing", async (text, code, reason) => {
    const { gateway } = await startGateway();
    const transport = await openTransport(gateway);
    const closed = new Promise<[number, string]>((resolve) =>
      transport.onClose((c, r) => resolve([c, r])),
    );
    transport.send(text);
    expect(await closed).toEqual([code, reason]);
    expect((await connect(gateway)).kind).toBe("hello");
  });

  it("answers malformed frames after hello without closing the socket", async () => {
    const { gateway } = await startGateway();
    const identity = await createDeviceIdentity();
    const transport = await openTransport(gateway, withOrigin(LOOPBACK, BROWSER_ORIGIN));
    const outcome = await connectDevice(transport, {
      identity,
      client: CONTROL_UI,
      role: "operator",
      scopes: ["operator.read"],
      auth: { token: TOKEN },
    });
    expect(outcome.kind).toBe("hello");
    const frames: string[] = [];
    transport.onMessage((text) => frames.push(text));
    for (const text of [
      "{oops",
      "null",
      JSON.stringify({ type: "req", id: "x1" }),
      JSON.stringify({ type: "req", id: "x2", method: "cron.list", params: 5 }),
    ]) {
      transport.send(text);
    }
    transport.send(JSON.stringify({ type: "req", id: "x3", method: "no.such" }));
    await settle();
    const answers = frames
      .map((text) => JSON.parse(text))
      .filter((frame) => frame.type === "res" && frame.id !== "connect-1");
    // JSON that is not an object is answered under the id "invalid"; a method the gateway does
    // not know needs operator.admin (observed).
    expect(answers.map((frame) => [frame.id, frame.error?.code])).toEqual([
      ["invalid", "INVALID_REQUEST"],
      ["x1", "INVALID_REQUEST"],
      ["x2", "INVALID_REQUEST"],
      ["x3", "FORBIDDEN"],
    ]);
    expect(answers[0].error.message).toBe("invalid request frame: must be object");
    expect(answers[3].error.message).toBe("missing scope: operator.admin");
    if (outcome.kind === "hello")
      expect((await outcome.session.request("cron.list")).ok).toBe(true);
  });
});
