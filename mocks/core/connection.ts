import {
  CLOSE_POLICY_VIOLATION,
  ERROR_CODES,
  MAX_FRAME_BYTES,
  METHODS,
  PREAUTH_MAX_FRAME_BYTES,
  type RequestFrame,
} from "../../src/protocol";
import { truncateCloseReason } from "./close-reason";
import type { CoreContext, LiveConnection } from "./context";
import { runHandshake } from "./handshake";
import { dispatchRequest } from "./methods/dispatch";
import { connectParamsProblem, requestFrameProblem } from "./protocol-checks";

// One incoming frame on one socket, in the real gateway's order. Never throws: bad input gets
// an error answer or a close, as on the real gateway, never a crash of the mock.

const FIRST_FRAME_MESSAGE = "invalid handshake: first request must be connect";
const INVALID_FRAME_MESSAGE = "invalid request frame";
const CLOSE_NORMAL = 1000;
/** The socket's size limit; the real gateway's ws library closes with this and no reason. */
const CLOSE_TOO_BIG = 1009;

type Phase = { handshaking: boolean };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A first frame that claims to be a worker is refused before it is even read (observed). */
function claimsWorker(frame: unknown): boolean {
  if (!isRecord(frame) || !("params" in frame) || !isRecord(frame.params)) return false;
  const { role, client } = frame.params;
  if (role === "worker") return true;
  if (!isRecord(client)) return false;
  return client.id === "openclaw-worker" || client.mode === "worker";
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function receivePreAuth(ctx: CoreContext, connection: LiveConnection, phase: Phase, text: string) {
  // A real socket is cut at this size before the frame is read (mocks/server); msw is not.
  if (text.length > PREAUTH_MAX_FRAME_BYTES / 4 && utf8Length(text) > PREAUTH_MAX_FRAME_BYTES) {
    ctx.close(connection, CLOSE_TOO_BIG, "");
    return;
  }
  if (phase.handshaking) return;
  const parsed = parseJson(text);
  // Not JSON at all: the real gateway answers nothing and closes normally (observed).
  if (!parsed.ok) return ctx.close(connection, CLOSE_NORMAL, "");
  if (claimsWorker(parsed.value))
    return ctx.close(connection, CLOSE_POLICY_VIOLATION, "invalid-handshake");
  if (requestFrameProblem(parsed.value) !== undefined) {
    return ctx.close(connection, CLOSE_POLICY_VIOLATION, INVALID_FRAME_MESSAGE);
  }
  const frame = parsed.value as RequestFrame;
  const paramsProblem =
    frame.method === METHODS.connect ? connectParamsProblem(frame.params) : FIRST_FRAME_MESSAGE;
  if (paramsProblem !== undefined) {
    const message =
      frame.method === METHODS.connect
        ? `invalid connect params: ${paramsProblem}`
        : FIRST_FRAME_MESSAGE;
    const error = { code: ERROR_CODES.invalidRequest, message };
    ctx.send(connection, { type: "res", id: frame.id, ok: false, error });
    ctx.close(connection, CLOSE_POLICY_VIOLATION, truncateCloseReason(message));
    return;
  }
  phase.handshaking = true;
  runHandshake(ctx, connection, frame.id, frame.params)
    .catch((error: unknown) => {
      console.error("mock gateway: handshake failed", error);
      ctx.send(connection, {
        type: "res",
        id: frame.id,
        ok: false,
        error: { code: ERROR_CODES.unavailable, message: "handshake failed" },
      });
      ctx.close(connection, 1011, "handshake failed");
    })
    .finally(() => {
      phase.handshaking = false;
    });
}

function receiveAuthed(ctx: CoreContext, connection: LiveConnection, text: string) {
  if (text.length > MAX_FRAME_BYTES / 4 && utf8Length(text) > MAX_FRAME_BYTES) {
    ctx.close(connection, CLOSE_TOO_BIG, "");
    return;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return;
  const problem = requestFrameProblem(parsed.value);
  if (problem !== undefined) {
    // The answer echoes whatever id the frame had, else "invalid" (observed).
    const id =
      isRecord(parsed.value) && parsed.value.id !== undefined ? parsed.value.id : "invalid";
    const error = {
      code: ERROR_CODES.invalidRequest,
      message: `${INVALID_FRAME_MESSAGE}: ${problem}`,
    };
    ctx.send(connection, { type: "res", id, ok: false, error });
    return;
  }
  dispatchRequest(ctx, connection, parsed.value as RequestFrame);
}

export function createReceiver(ctx: CoreContext, connection: LiveConnection) {
  const phase: Phase = { handshaking: false };
  return (text: string): void => {
    if (connection.closed) return;
    try {
      if (connection.session) receiveAuthed(ctx, connection, text);
      else receivePreAuth(ctx, connection, phase, text);
    } catch (error) {
      console.error("mock gateway: frame handling failed", error);
    }
  };
}
