import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMockGateway } from "../../../mocks/core/gateway";
import { createMemoryStateStore } from "../../../mocks/core/memory-store";
import type { GatewayConfig, MockGateway } from "../../../mocks/core/types";
import { startMockWsServer, type MockWsServer } from "../../../mocks/server/ws-server";
import { connectDevice, TransportRefusedError } from "../../../mocks/simulator/device-client";
import { createDeviceIdentity } from "../../../mocks/simulator/device-identity";
import { openWsTransport } from "../../../mocks/simulator/ws-transport";
import { OPERATOR_SCOPES, ROLES } from "../../../src/protocol";

// The mock's real socket refuses what the real gateway refuses: browsers from origins it
// was not told about, and forwarding headers from a peer that is not a trusted proxy.
// (The in-process core cases and X-Forwarded-For on the socket are in test/mock.)

const TOKEN = "origin-rules-token";
let gateway: MockGateway;
let server: MockWsServer;

async function start(config: Partial<GatewayConfig> = {}) {
  gateway = await createMockGateway({
    config: { auth: { mode: "token", token: TOKEN }, ...config },
    store: createMemoryStateStore(),
  });
  server = await startMockWsServer(gateway, { port: 0 });
}

beforeEach(() => start());
afterEach(async () => {
  await server.close();
});

async function controlUiFrom(origin: string) {
  return connectDevice(await openWsTransport(server.url, { Origin: origin }), {
    identity: await createDeviceIdentity(),
    client: { id: "openclaw-control-ui", mode: "webchat", platform: "web" },
    role: ROLES.operator,
    scopes: [OPERATOR_SCOPES.read, OPERATOR_SCOPES.pairing],
    auth: { token: TOKEN },
  });
}

describe("mock gateway origin rules on the real socket", () => {
  it.each(["https://evil.example", "http://127.0.0.1.evil.example", "null"])(
    "refuses the Control UI from %s",
    async (origin) => {
      const outcome = await controlUiFrom(origin);
      expect(outcome).toMatchObject({
        kind: "refused",
        error: { code: "INVALID_REQUEST", details: { code: "CONTROL_UI_ORIGIN_NOT_ALLOWED" } },
        close: { code: 1008 },
      });
    },
  );

  it("lets a loopback origin in, and an origin once it is allowed", async () => {
    expect((await controlUiFrom("http://localhost:5173")).kind).toBe("hello");
    await server.close();
    await start({ allowedOrigins: ["https://ops.example"] });
    const allowed = await controlUiFrom("https://ops.example");
    // Past the origin check; from loopback with the token it is silently paired.
    expect(allowed.kind).toBe("hello");
  });

  it.each([
    ["Forwarded", "for=203.0.113.7"],
    ["X-Real-IP", "203.0.113.7"],
    ["X-Forwarded-Host", "gateway.example"],
    ["X-Forwarded-Proto", "https"],
  ])("refuses the upgrade with HTTP 403 when an untrusted peer sends %s", async (name, value) => {
    const opening = openWsTransport(server.url, { [name]: value });
    await expect(opening).rejects.toBeInstanceOf(TransportRefusedError);
    await expect(opening).rejects.toMatchObject({ status: 403 });
  });

  it("accepts forwarding headers from a configured trusted proxy", async () => {
    await server.close();
    await start({ trustedProxies: ["127.0.0.1"] });
    // The upgrade goes through (a refused one rejects with TransportRefusedError).
    const transport = await openWsTransport(server.url, { "X-Forwarded-For": "203.0.113.7" });
    expect(gateway.decisions().some((decision) => decision.ingress === "refused")).toBe(false);
    transport.close();
  });
});
