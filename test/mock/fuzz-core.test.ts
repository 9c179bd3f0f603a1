import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFileStateStore } from "../../mocks/node/file-store";
import { connectDevice, type ClientTransport } from "../../mocks/simulator/device-client";
import { createDeviceIdentity } from "../../mocks/simulator/device-identity";
import { METHODS, OPERATOR_SCOPES } from "../../src/protocol";
import {
  connect,
  connectHello,
  LOOPBACK,
  NODE_HOST,
  openTransport,
  settle,
  startGateway,
  takeSchemaErrors,
  TOKEN,
} from "../support/core-harness";
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

// The mock core, in process, against thousands of broken client frames before and after the
// handshake: it answers with the spec's errors, never falls over, and its files stay JSON.

const SEED = 7_2026;
const PRE_HANDSHAKE = 2_000;
const POST_HANDSHAKE = 5_000;

let stateDir: string;
beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), "pairdesk-fuzz-core-"));
  takeSchemaErrors();
});
afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

/** A transport that also records what the client sent (to harvest a real connect frame). */
function recording(transport: ClientTransport, sent: string[]): ClientTransport {
  return { ...transport, send: (text) => (sent.push(text), transport.send(text)) };
}

describe("mock core under fuzzed client frames", () => {
  it(`answers ${PRE_HANDSHAKE} bad first frames and ${POST_HANDSHAKE} bad frames after hello, and stays up`, async ({
    annotate,
  }) => {
    const internalErrors = vi.spyOn(console, "error");
    const { gateway } = await startGateway({}, createFileStateStore(stateDir));
    const random = createRandom(SEED);

    // Real frames to mutate: a connect as a device sends it, and a pending request to aim at.
    const sent: string[] = [];
    await connectDevice(recording(await openTransport(gateway), sent), {
      identity: await createDeviceIdentity(),
      client: NODE_HOST,
      role: "operator",
      scopes: [OPERATOR_SCOPES.read],
      auth: { token: TOKEN },
    });
    const pendingAsk = await connect(gateway, {
      facts: { remoteAddress: "192.168.1.20", headers: { host: "gw.lan:18789" } },
    });
    const target = {
      requestId:
        (pendingAsk.kind === "refused" &&
          (pendingAsk.error.details as { requestId: string }).requestId) ||
        "none",
      deviceId: pendingAsk.identity.deviceId,
    };
    const connectFrame: unknown = JSON.parse(sent[0] ?? "{}");

    // Before the handshake: each bad first frame on a socket of its own.
    const closeCodes = new Map<number | "open", number>();
    for (const text of fuzzFrames(random, [connectFrame, ...requestBases(target)], PRE_HANDSHAKE)) {
      const transport = await openTransport(gateway, LOOPBACK);
      const frames: string[] = [];
      transport.onMessage((frame) => frames.push(frame));
      const closed = closeWithin(transport, 1000);
      transport.send(text);
      const code = (await closed) ?? "open";
      closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
      for (const response of responses(frames)) {
        if (!response.ok) expect(SPEC_ERROR_CODES).toContain(response.error.code);
      }
      if (code === "open") transport.close();
    }
    // Closed as the real gateway closes: policy (1008), too large (1009), protocol mismatch
    // (1002), or a plain close (1000) for text that is not JSON at all (observed).
    expect(
      [...closeCodes.keys()].filter((code) => ![1000, 1002, 1008, 1009].includes(code as number)),
    ).toEqual([]);

    // After the handshake: an admin session gets thousands of mutated requests.
    const adminTransport = await openTransport(gateway, LOOPBACK);
    const admin = await handshakeAdmin(adminTransport, TOKEN);
    const bad = fuzzFrames(random, requestBases(target), POST_HANDSHAKE);
    const { answers, closed } = await fuzzSession(adminTransport, bad, settle);
    expect(closed).toBe(false);
    expect(answers.length).toBeGreaterThan(POST_HANDSHAKE / 4);
    for (const answer of answers) {
      if (!answer.ok) expect(SPEC_ERROR_CODES).toContain(answer.error.code);
    }
    // The session still answers a plain request after all that.
    expect((await admin.request(METHODS.pairList, {})).ok).toBe(true);

    // Every answer was a well-formed frame with a spec error code; nothing crashed inside.
    expect(takeSchemaErrors()).toEqual([]);
    expect(internalErrors).not.toHaveBeenCalled();

    // A fresh, valid client still connects, and the state files are whole JSON.
    expect((await connectHello(gateway)).kind).toBe("hello");
    await gateway.flush();
    const state = await readStateFiles(stateDir);
    expect(Array.isArray(state.pending) && Array.isArray(state.paired)).toBe(true);
    admin.close();
    // The counts show in the report, so a run says how much it shook.
    await annotate(
      `fuzz core: ${PRE_HANDSHAKE} first frames (closes ${JSON.stringify([...closeCodes])}), ${POST_HANDSHAKE} after hello (${answers.length} answered), seed ${SEED}`,
    );
  }, 60_000);
});
