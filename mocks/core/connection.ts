import {
  CLOSE_POLICY_VIOLATION,
  ERROR_CODES,
  METHODS,
  PREAUTH_MAX_FRAME_BYTES,
  parseFrame,
} from "../../src/protocol";
import type { CoreContext, LiveConnection } from "./context";
import { runHandshake } from "./handshake";
import { dispatchRequest } from "./methods/dispatch";

// One incoming text frame on one socket. Never throws: bad input gets an error answer or a
// close, as on the real gateway, never a crash of the mock.

const FIRST_FRAME_MESSAGE = "invalid handshake: first request must be connect";
const INVALID_FRAME_MESSAGE = "invalid request frame";

function readId(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const id =
      typeof value === "object" && value !== null ? (value as { id?: unknown }).id : undefined;
    return typeof id === "string" && id.length > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

type Phase = { handshaking: boolean };

const CLOSE_NORMAL = 1000;

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function receivePreAuth(ctx: CoreContext, connection: LiveConnection, phase: Phase, text: string) {
  if (new TextEncoder().encode(text).length > PREAUTH_MAX_FRAME_BYTES) {
    ctx.close(connection, 1009, "preauth payload too large");
    return;
  }
  if (phase.handshaking) return;
  if (!isJson(text)) {
    // Not JSON at all: the real gateway answers nothing and closes normally (observed).
    ctx.close(connection, CLOSE_NORMAL, "");
    return;
  }
  const parsed = parseFrame(text);
  if (!parsed.ok || parsed.frame.type !== "req") {
    ctx.close(connection, CLOSE_POLICY_VIOLATION, INVALID_FRAME_MESSAGE);
    return;
  }
  const frame = parsed.frame;
  if (frame.method !== METHODS.connect) {
    const error = { code: ERROR_CODES.invalidRequest, message: FIRST_FRAME_MESSAGE };
    ctx.send(connection, { type: "res", id: frame.id, ok: false, error });
    ctx.close(connection, CLOSE_POLICY_VIOLATION, FIRST_FRAME_MESSAGE);
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
  const parsed = parseFrame(text);
  if (!parsed.ok) {
    // Without a usable id there is nothing to answer; with one, say what was wrong.
    const id = readId(text);
    if (id) {
      const error = {
        code: ERROR_CODES.invalidRequest,
        message: `${INVALID_FRAME_MESSAGE}: ${parsed.error}`,
      };
      ctx.send(connection, { type: "res", id, ok: false, error });
    }
    return;
  }
  const frame = parsed.frame;
  if (frame.type !== "req") return;
  if (frame.method === METHODS.connect) {
    const error = { code: ERROR_CODES.invalidRequest, message: "already connected" };
    ctx.send(connection, { type: "res", id: frame.id, ok: false, error });
    return;
  }
  dispatchRequest(ctx, connection, frame);
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
