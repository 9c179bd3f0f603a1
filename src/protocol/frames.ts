import type {
  ErrorShape,
  EventFrame,
  RequestFrame,
  ResponseFrame as WireResponse,
} from "@openclaw/gateway-protocol/frame-guards";
import { isRecord } from "./pair-records";

// The protocol package's frame types (its validators stay out of the bundle), and one parser for
// the app and the mock, so they cannot drift.

export type { ErrorShape, EventFrame, RequestFrame };
/** The package's response, split on `ok`: parseFrame makes sure a failure carries its error. */
export type ResponseFrame =
  | (Omit<WireResponse, "ok" | "error"> & { ok: true })
  | (Omit<WireResponse, "ok" | "payload"> & { ok: false; error: ErrorShape });
export type Frame = RequestFrame | ResponseFrame | EventFrame;

export type FrameParseResult = { ok: true; frame: Frame } | { ok: false; error: string };

export function parseFrame(text: string): FrameParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: "frame is not valid JSON" };
  }
  if (!isRecord(value)) return { ok: false, error: "frame must be a JSON object" };
  switch (value.type) {
    case "req":
      if (typeof value.id !== "string" || value.id.length === 0)
        return { ok: false, error: "request frame needs a string id" };
      if (typeof value.method !== "string" || value.method.length === 0)
        return { ok: false, error: "request frame needs a string method" };
      return { ok: true, frame: value as RequestFrame };
    case "res":
      if (typeof value.id !== "string") return { ok: false, error: "response frame needs an id" };
      if (typeof value.ok !== "boolean")
        return { ok: false, error: "response frame needs a boolean ok" };
      if (value.ok === false && !isErrorShape(value.error))
        return { ok: false, error: "failed response frame needs an error {code, message}" };
      return { ok: true, frame: value as ResponseFrame };
    case "event":
      if (typeof value.event !== "string" || value.event.length === 0)
        return { ok: false, error: "event frame needs a string event" };
      if (value.seq !== undefined && (!Number.isInteger(value.seq) || (value.seq as number) < 0))
        return { ok: false, error: "event seq must be a non-negative integer" };
      return { ok: true, frame: value as EventFrame };
    default:
      return { ok: false, error: "frame type must be req, res or event" };
  }
}

export function isErrorShape(value: unknown): value is ErrorShape {
  return isRecord(value) && typeof value.code === "string" && typeof value.message === "string";
}

export function buildRequest(id: string, method: string, params?: unknown): RequestFrame {
  return params === undefined ? { type: "req", id, method } : { type: "req", id, method, params };
}

export function buildResult(id: string, payload?: unknown): ResponseFrame {
  return payload === undefined
    ? { type: "res", id, ok: true }
    : { type: "res", id, ok: true, payload };
}

export function buildFailure(id: string, error: ErrorShape): ResponseFrame {
  return { type: "res", id, ok: false, error };
}

export function buildEvent(event: string, payload?: unknown, seq?: number): EventFrame {
  const frame: EventFrame = { type: "event", event };
  if (payload !== undefined) frame.payload = payload;
  if (seq !== undefined) frame.seq = seq;
  return frame;
}
