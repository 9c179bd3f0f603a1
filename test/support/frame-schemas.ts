import {
  DevicePairRequestedEventSchema,
  DevicePairResolvedEventSchema,
  DeviceTokenRotateResultSchema,
  ErrorShapeSchema,
  EventFrameSchema,
  HelloOkSchema,
  ResponseFrameSchema,
} from "@openclaw/gateway-protocol/schema";
import { Value } from "typebox/value";
import { EVENTS, METHODS } from "../../src/protocol";

// Checks every frame a gateway (the mock, or a real one) sends against the protocol's own
// JSON schemas, so the twin cannot drift from the wire format.

type Schema = Parameters<typeof Value.Check>[0];

function check(schema: unknown, value: unknown, what: string): void {
  if (Value.Check(schema as Schema, value)) return;
  const errors = [...Value.Errors(schema as Schema, value)]
    .slice(0, 5)
    .map((error) => JSON.stringify(error))
    .join("\n");
  throw new Error(`${what} does not match its schema:\n${errors}\n${JSON.stringify(value)}`);
}

const EVENT_PAYLOADS: Record<string, unknown> = {
  [EVENTS.pairRequested]: DevicePairRequestedEventSchema,
  [EVENTS.pairResolved]: DevicePairResolvedEventSchema,
};

/**
 * hello-ok's `auth.method` is sent by the 2026.9.6 gateway (observed) but is newer than the
 * 2026.9.1 protocol schema, the newest on npm: it is the one field checked apart.
 */
function withoutAuthMethod(hello: { auth?: object }): unknown {
  if (!hello.auth || !("method" in hello.auth)) return hello;
  const { method, ...auth } = hello.auth as { method: unknown };
  if (typeof method !== "string") throw new Error(`hello-ok auth.method is not text: ${method}`);
  return { ...hello, auth };
}

/** Throws with the schema errors when `text` is not a valid server frame. */
export function assertValidServerFrame(text: string): void {
  const frame = JSON.parse(text) as Record<string, unknown>;
  if (frame.type === "event") {
    check(EventFrameSchema, frame, "event frame");
    const payloadSchema = EVENT_PAYLOADS[String(frame.event)];
    if (payloadSchema) check(payloadSchema, frame.payload, `${String(frame.event)} payload`);
    if (frame.event === EVENTS.connectChallenge) {
      const payload = frame.payload as { nonce?: unknown; ts?: unknown };
      if (typeof payload.nonce !== "string" || !Number.isInteger(payload.ts)) {
        throw new Error(`connect.challenge payload is not {nonce, ts}: ${text}`);
      }
    }
    return;
  }
  if (frame.type === "res") {
    // A request frame that fails validation is answered under whatever id it carried
    // (observed: `id: 5` comes back as 5), which the schema's string id does not allow.
    const echoesBadId =
      (typeof frame.id !== "string" || frame.id === "") &&
      String((frame.error as { message?: unknown } | undefined)?.message).startsWith(
        "invalid request frame",
      );
    check(ResponseFrameSchema, echoesBadId ? { ...frame, id: "invalid" } : frame, "response frame");
    if (frame.ok === false) check(ErrorShapeSchema, frame.error, "error shape");
    const payload = frame.payload as { type?: unknown; auth?: object } | undefined;
    if (payload?.type === "hello-ok") check(HelloOkSchema, withoutAuthMethod(payload), "hello-ok");
    return;
  }
  throw new Error(`unexpected server frame type: ${text}`);
}

/** Result payload checks that need the method name (the frame alone does not carry it). */
export function assertValidResult(method: string, payload: unknown): void {
  if (method === METHODS.tokenRotate) check(DeviceTokenRotateResultSchema, payload, method);
  if (method === METHODS.pairList) {
    const list = payload as { pending: unknown[] };
    for (const pending of list.pending)
      check(DevicePairRequestedEventSchema, pending, "pending request");
  }
}
