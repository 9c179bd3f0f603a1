// @vitest-environment jsdom
import { GATEWAY_CLIENT_IDS, GATEWAY_CLIENT_MODES } from "@openclaw/gateway-protocol/client-info";
import { afterEach, describe, expect, it, vi } from "vitest";
import { gatewayLink } from "../../mocks/handlers";
import { startTestGateway, type TestGateway } from "../../mocks/node";
import { createDeviceIdentity } from "../../mocks/simulator/device-identity";
import { connectDevice, type ClientTransport } from "../../mocks/simulator/device-client";
import {
  buildResult,
  DETAIL_CODES,
  EVENTS,
  LOCALITIES,
  METHODS,
  OPERATOR_SCOPES,
  parseFrame,
  ROLES,
} from "../../src/protocol";

// The app's side: a page's `new WebSocket(url)` (jsdom's, patched by msw), not a simulator transport.
function pageTransport(url: string): Promise<ClientTransport> {
  const socket = new WebSocket(url);
  const messages: ((text: string) => void)[] = [];
  const buffered: string[] = [];
  socket.addEventListener("message", (event) => {
    const text = String(event.data);
    if (messages.length === 0) buffered.push(text);
    for (const listener of messages) listener(text);
  });
  return new Promise((resolve, reject) => {
    socket.addEventListener("error", () => reject(new Error("socket error")));
    socket.addEventListener("open", () =>
      resolve({
        send: (text) => socket.send(text),
        close: (code, reason) => socket.close(code, reason),
        onMessage(cb) {
          messages.push(cb);
          for (const text of buffered.splice(0)) cb(text);
        },
        onClose: (cb) => socket.addEventListener("close", (event) => cb(event.code, event.reason)),
      }),
    );
  });
}

async function connectAsControlUi(url: string, token: string) {
  return connectDevice(await pageTransport(url), {
    identity: await createDeviceIdentity(),
    client: {
      id: GATEWAY_CLIENT_IDS.CONTROL_UI,
      mode: GATEWAY_CLIENT_MODES.WEBCHAT,
      platform: "web",
    },
    role: ROLES.operator,
    scopes: [OPERATOR_SCOPES.read, OPERATOR_SCOPES.pairing],
    auth: { token },
  });
}

let harness: TestGateway | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("msw ws.link adapter", () => {
  it("lets the page's WebSocket reach the core, with the page origin in the facts", async () => {
    harness = await startTestGateway();
    const accept = vi.spyOn(harness.gateway, "accept");
    const outcome = await connectAsControlUi(harness.url, harness.token);

    expect(outcome.kind).toBe("hello");
    expect(accept.mock.calls[0]?.[0]).toEqual({
      remoteAddress: "127.0.0.1",
      headers: { host: "127.0.0.1:18789", origin: location.origin },
    });
    expect(harness.gateway.decisions().at(-1)?.locality).toBe(LOCALITIES.directLocal);
    if (outcome.kind === "hello") outcome.session.close();
  });

  it("passes a foreign page origin on, so the Control UI origin check applies", async () => {
    harness = await startTestGateway({ pageOrigin: "https://evil.example" });
    const outcome = await connectAsControlUi(harness.url, harness.token);
    expect(outcome.kind).toBe("refused");
    if (outcome.kind !== "refused") return;
    expect(outcome.error.details).toMatchObject({
      code: DETAIL_CODES.controlUiOriginNotAllowed,
    });
  });

  it("relays the page closing its socket to the core", async () => {
    harness = await startTestGateway();
    const outcome = await connectAsControlUi(harness.url, harness.token);
    if (outcome.kind !== "hello") throw new Error("expected hello-ok");
    expect(harness.gateway.list().paired[0]?.connected).toBe(true);
    outcome.session.close();
    await outcome.session.closed;
    await vi.waitFor(() => expect(harness?.gateway.list().paired[0]?.connected).toBe(false));
  });

  it("answers like a stopped gateway once the test gateway is closed", async () => {
    harness = await startTestGateway();
    await harness.close();
    const socket = new WebSocket(harness.url);
    const close = await new Promise<CloseEvent>((resolve) =>
      socket.addEventListener("close", resolve),
    );
    expect(close.code).toBe(1006);
  });

  it("intercepts again for the next test gateway (msw cannot re-listen after close)", async () => {
    harness = await startTestGateway();
    const outcome = await connectAsControlUi(harness.url, harness.token);
    expect(outcome.kind).toBe("hello");
    if (outcome.kind === "hello") outcome.session.close();
  });

  it("lets a test override one behaviour through the exported link", async () => {
    harness = await startTestGateway();
    harness.server.use(
      gatewayLink.addEventListener("connection", ({ client }) => {
        client.addEventListener("message", (event) => {
          const parsed = parseFrame(String(event.data));
          if (!parsed.ok || parsed.frame.type !== "req") return;
          if (parsed.frame.method !== METHODS.cronList) return;
          event.stopImmediatePropagation();
          client.send(JSON.stringify(buildResult(parsed.frame.id, { jobs: ["overridden"] })));
        });
      }),
    );
    const outcome = await connectAsControlUi(harness.url, harness.token);
    if (outcome.kind !== "hello") throw new Error("expected hello-ok");
    const response = await outcome.session.request(METHODS.cronList, {});
    expect(response).toMatchObject({ ok: true, payload: { jobs: ["overridden"] } });
    outcome.session.close();
  });

  it("sends the challenge to a socket on the gateway URL", async () => {
    harness = await startTestGateway();
    const socket = new WebSocket(harness.url);
    const first = await new Promise<MessageEvent>((resolve) =>
      socket.addEventListener("message", resolve),
    );
    const parsed = parseFrame(String(first.data));
    expect(parsed.ok && parsed.frame.type === "event" && parsed.frame.event).toBe(
      EVENTS.connectChallenge,
    );
    socket.close();
  });
});
