import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PAIRED_FILE, PENDING_FILE } from "../../mocks/node/file-store";
import { connectDevice, type ClientTransport } from "../../mocks/simulator/device-client";
import { createDeviceIdentity } from "../../mocks/simulator/device-identity";
import {
  ERROR_CODES,
  METHODS,
  OPERATOR_SCOPES,
  parseFrame,
  ROLES,
  type ResponseFrame,
} from "../../src/protocol";

// Shared by the mock's fuzz tests: real client frames to mutate, and the checks every run
// ends with.

/** One well-formed request per method the mock serves, aimed at a device that exists. */
export function requestBases(target: { requestId: string; deviceId: string }): unknown[] {
  const { requestId, deviceId } = target;
  const req = (id: string, method: string, params: unknown) => ({
    type: "req",
    id,
    method,
    params,
  });
  return [
    req("l1", METHODS.pairList, {}),
    req("a1", METHODS.pairApprove, { requestId }),
    req("r1", METHODS.pairReject, { requestId }),
    req("m1", METHODS.pairRemove, { deviceId }),
    req("n1", METHODS.pairRename, { deviceId, label: "Renamed" }),
    req("t1", METHODS.tokenRotate, { deviceId, role: "operator", scopes: ["operator.read"] }),
    req("v1", METHODS.tokenRevoke, { deviceId, role: "operator" }),
    req("c1", METHODS.cronList, {}),
    req("c2", METHODS.cronAdd, { name: "job", schedule: { kind: "every", everyMs: 60_000 } }),
    req("c3", METHODS.connect, { minProtocol: 4, maxProtocol: 4 }),
    { type: "res", id: "x", ok: true, payload: {} },
    { type: "event", event: "device.pair.requested", payload: {}, seq: 1 },
  ];
}

/** Every error code the spec lets a gateway answer with. */
export const SPEC_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ERROR_CODES));

/** The gateway's answers among `frames`, by request id. */
export function responses(frames: readonly string[]): ResponseFrame[] {
  return frames.flatMap((text) => {
    const parsed = parseFrame(text);
    return parsed.ok && parsed.frame.type === "res" ? [parsed.frame] : [];
  });
}

/** Resolves with the close code, or undefined if the socket is still open after `ms`. */
export function closeWithin(transport: ClientTransport, ms: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    transport.onClose((code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Both state files exist and hold JSON arrays. */
export async function readStateFiles(
  dir: string,
): Promise<{ pending: unknown[]; paired: unknown[] }> {
  const read = async (name: string) => {
    const value: unknown = JSON.parse(await readFile(join(dir, name), "utf8"));
    if (!Array.isArray(value)) throw new Error(`${name} is not a JSON array`);
    return value;
  };
  return { pending: await read(PENDING_FILE), paired: await read(PAIRED_FILE) };
}

/** A CLI admin on loopback with the token: paired silently, holding operator.pairing. */
export async function handshakeAdmin(transport: ClientTransport, token: string) {
  const outcome = await connectDevice(transport, {
    identity: await createDeviceIdentity(),
    client: { id: "cli", mode: "cli", platform: "linux" },
    role: ROLES.operator,
    scopes: [OPERATOR_SCOPES.read, OPERATOR_SCOPES.pairing],
    auth: { token },
  });
  if (outcome.kind !== "hello") throw new Error(`admin refused: ${JSON.stringify(outcome)}`);
  return outcome.session;
}

/**
 * Sends `frames` after the handshake in batches and collects every answer. The socket must
 * stay open throughout: bad requests get error answers, never a hang-up.
 */
export async function fuzzSession(
  transport: ClientTransport,
  frames: readonly string[],
  pause: () => Promise<void>,
): Promise<{ answers: ResponseFrame[]; closed: boolean }> {
  const received: string[] = [];
  let closed = false;
  transport.onMessage((text) => received.push(text));
  transport.onClose(() => (closed = true));
  for (let i = 0; i < frames.length; i += 100) {
    for (const text of frames.slice(i, i + 100)) transport.send(text);
    await pause();
  }
  await pause();
  return { answers: responses(received), closed };
}
