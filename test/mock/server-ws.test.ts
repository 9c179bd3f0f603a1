import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { GATEWAY_CLIENT_IDS, GATEWAY_CLIENT_MODES } from "@openclaw/gateway-protocol/client-info";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMockGateway } from "../../mocks/core/gateway";
import type { MockGateway } from "../../mocks/core/types";
import { createFileStateStore } from "../../mocks/node/file-store";
import { startMockWsServer, type MockWsServer } from "../../mocks/server/ws-server";
import { createDeviceIdentity } from "../../mocks/simulator/device-identity";
import {
  connectDevice,
  TransportRefusedError,
  type DeviceConnectOptions,
} from "../../mocks/simulator/device-client";
import { openWsTransport } from "../../mocks/simulator/ws-transport";
import { LOCALITIES, METHODS, OPERATOR_SCOPES, ROLES, type PairList } from "../../src/protocol";

const TOKEN = "server-token";

let stateDir: string;
let gateway: MockGateway;
let server: MockWsServer;

async function start(): Promise<void> {
  gateway = await createMockGateway({
    config: { auth: { mode: "token", token: TOKEN } },
    store: createFileStateStore(stateDir),
  });
  server = await startMockWsServer(gateway, { port: 0 });
}

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), "pairdesk-mock-server-"));
  await start();
});
afterEach(async () => {
  await server.close();
  await gateway.flush();
  await rm(stateDir, { recursive: true, force: true });
});

async function cliOptions(scopes: string[]): Promise<DeviceConnectOptions> {
  return {
    identity: await createDeviceIdentity(),
    client: { id: GATEWAY_CLIENT_IDS.CLI, mode: GATEWAY_CLIENT_MODES.CLI, platform: "linux" },
    role: ROLES.operator,
    scopes,
    auth: { token: TOKEN },
  };
}

describe("mock gateway WebSocket server", () => {
  it("answers a plain HTTP probe with 426 and a line of text", async () => {
    const response = await fetch(server.url.replace("ws:", "http:"));
    expect(response.status).toBe(426);
    expect(await response.text()).toMatch(/mock gateway/i);
  });

  it("pairs a loopback client with the token silently, from the real socket's facts", async () => {
    const outcome = await connectDevice(
      await openWsTransport(server.url),
      await cliOptions([OPERATOR_SCOPES.read, OPERATOR_SCOPES.pairing]),
    );
    expect(outcome.kind).toBe("hello");
    expect(gateway.decisions().at(-1)?.locality).toBe(LOCALITIES.directLocal);
    if (outcome.kind !== "hello") return;
    const list = await outcome.session.request(METHODS.pairList, {});
    expect(list).toMatchObject({ ok: true });
    outcome.session.close();
  });

  it("refuses forwarding headers from an untrusted peer with HTTP 403", async () => {
    const opening = openWsTransport(server.url, { "X-Forwarded-For": "203.0.113.7" });
    await expect(opening).rejects.toBeInstanceOf(TransportRefusedError);
    await expect(opening).rejects.toMatchObject({ status: 403 });
    expect(gateway.decisions().at(-1)?.ingress).toBe("refused");
  });

  it("writes pending.json and keeps the request across a restart", async () => {
    const outcome = await connectDevice(
      // A loopback page: accepted by the Origin rule, and an Origin keeps a CLI from silent pairing.
      await openWsTransport(server.url, { Origin: "http://localhost:5999" }),
      await cliOptions([OPERATOR_SCOPES.read]),
    );
    expect(outcome.kind).toBe("refused");
    const requestId = gateway.list().pending[0]?.requestId;
    expect(requestId).toBeDefined();
    await gateway.flush();
    const onDisk = JSON.parse(await readFile(join(stateDir, "pending.json"), "utf8")) as unknown;
    expect(JSON.stringify(onDisk)).toContain(requestId);

    await server.close();
    await start();
    const admin = await connectDevice(
      await openWsTransport(server.url),
      await cliOptions([OPERATOR_SCOPES.pairing]),
    );
    if (admin.kind !== "hello") throw new Error("admin connect failed");
    const list = await admin.session.request(METHODS.pairList, {});
    const payload = (list.ok ? list.payload : undefined) as PairList | undefined;
    expect(payload?.pending.map((request) => request.requestId)).toContain(requestId);
    admin.session.close();
  });
});

describe("npm run mock:server", () => {
  it("prints where it listens without the token, and exits 0 on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "mocks/server/cli.ts",
        "--port",
        "0",
        "--token",
        TOKEN,
        "--state",
        stateDir,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const lines = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve) => lines.once("line", resolve));
    expect(first).toMatch(/^mock gateway listening on ws:\/\/127\.0\.0\.1:\d+$/);
    expect(first).not.toContain(TOKEN);

    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 20_000);
});
