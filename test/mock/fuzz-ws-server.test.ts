import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { createMockGateway } from "../../mocks/core/gateway";
import type { MockGateway } from "../../mocks/core/types";
import { createFileStateStore } from "../../mocks/node/file-store";
import { startMockWsServer, type MockWsServer } from "../../mocks/server/ws-server";
import { openWsTransport } from "../../mocks/simulator/ws-transport";
import { METHODS } from "../../src/protocol";
import { createRandom, fuzzFrames } from "../support/fuzz";
import {
  closeWithin,
  fuzzSession,
  handshakeAdmin,
  readStateFiles,
  requestBases,
  responses,
  SPEC_ERROR_CODES,
} from "./fuzz-support";

// The real WebSocket server in front of the core, over loopback TCP: broken frames before
// and after the handshake, binary frames, and a fresh client that still gets in afterwards.

const TOKEN = "fuzz-server-token";
const SEED = 4_242;
const PRE_SOCKETS = 200;
const PRE_FRAMES_PER_SOCKET = 5;
const POST_HANDSHAKE = 5_000;

let stateDir: string;
let gateway: MockGateway;
let server: MockWsServer;

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), "pairdesk-fuzz-ws-"));
  gateway = await createMockGateway({
    config: { auth: { mode: "token", token: TOKEN } },
    store: createFileStateStore(stateDir),
  });
  server = await startMockWsServer(gateway, { port: 0 });
});
afterEach(async () => {
  await server.close();
  await gateway.flush();
  await rm(stateDir, { recursive: true, force: true });
});

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 10));

describe("mock WebSocket server under fuzzed client frames", () => {
  it(`stays up through ${PRE_SOCKETS * PRE_FRAMES_PER_SOCKET + POST_HANDSHAKE} bad frames and binary data`, async ({
    annotate,
  }) => {
    const internalErrors = vi.spyOn(console, "error");
    const random = createRandom(SEED);
    const target = { requestId: "00000000-0000-4000-8000-000000000000", deviceId: "f".repeat(64) };
    const bases = requestBases(target);

    // Before the handshake: a few bad frames per socket; the first one gets it closed.
    const codes = new Map<number | "open", number>();
    for (let i = 0; i < PRE_SOCKETS; i += 1) {
      const transport = await openWsTransport(server.url);
      const frames: string[] = [];
      transport.onMessage((text) => frames.push(text));
      const closed = closeWithin(transport, 2000);
      for (const text of fuzzFrames(random, bases, PRE_FRAMES_PER_SOCKET)) transport.send(text);
      const code = (await closed) ?? "open";
      codes.set(code, (codes.get(code) ?? 0) + 1);
      for (const answer of responses(frames)) {
        if (!answer.ok) expect(SPEC_ERROR_CODES).toContain(answer.error.code);
      }
      if (code === "open") transport.close();
    }
    // 1008 for a bad frame, 1009 when too large, 1000 for text that is not JSON (observed).
    expect(
      [...codes.keys()].filter((code) => ![1000, 1008, 1009].includes(code as number)),
    ).toEqual([]);

    // A binary frame is read as UTF-8 text, as the real gateway reads it: not JSON, so 1000.
    const binary = new WebSocket(server.url);
    await new Promise((resolve) => binary.once("open", resolve));
    const binaryClosed = new Promise<number>((resolve) => binary.once("close", resolve));
    binary.send(Buffer.from([0, 159, 146, 150, 255]));
    expect(await binaryClosed).toBe(1000);

    // After the handshake: thousands of mutated requests on one admin socket.
    const transport = await openWsTransport(server.url);
    const admin = await handshakeAdmin(transport, TOKEN);
    const bad = fuzzFrames(random, bases, POST_HANDSHAKE);
    const { answers, closed } = await fuzzSession(transport, bad, tick);
    expect(closed).toBe(false);
    expect(answers.length).toBeGreaterThan(POST_HANDSHAKE / 4);
    for (const answer of answers) {
      if (!answer.ok) expect(SPEC_ERROR_CODES).toContain(answer.error.code);
    }
    expect((await admin.request(METHODS.pairList, {})).ok).toBe(true);
    admin.close();

    // A fresh, valid client still connects; nothing failed inside; the files are JSON.
    const fresh = await openWsTransport(server.url);
    const again = await handshakeAdmin(fresh, TOKEN);
    expect((await again.request(METHODS.pairList, {})).ok).toBe(true);
    again.close();
    expect(internalErrors).not.toHaveBeenCalled();
    await gateway.flush();
    const state = await readStateFiles(stateDir);
    expect(state.paired.length).toBeGreaterThan(0);
    // The counts show in the report, so a run says how much it shook.
    await annotate(
      `fuzz ws: ${PRE_SOCKETS}×${PRE_FRAMES_PER_SOCKET} first frames (closes ${JSON.stringify([...codes])}), ${POST_HANDSHAKE} after hello (${answers.length} answered), seed ${SEED}`,
    );
  }, 60_000);
});
