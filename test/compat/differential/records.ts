import type { HelloOkPayload } from "../../../mocks/simulator/device-client";
import type { EventFrame, ResponseFrame } from "../../../src/protocol";

// What of a gateway's answer the differential compares. Everything gateway-specific that no
// client branches on (server version, method lists, snapshots) is left out; ids, keys, times
// and tokens are replaced by placeholders later (support/normalize.ts).

type Known = (deviceId: string) => boolean;

/** hello-ok as a client reads it: the auth block, which is the socket's live authority. */
export function describeHello(hello: HelloOkPayload, kept: string | null): unknown {
  return { kind: "hello", session: kept, auth: hello.auth };
}

function own(entry: unknown, known: Known): boolean {
  const deviceId = (entry as { deviceId?: unknown } | null)?.deviceId;
  return typeof deviceId === "string" && known(deviceId);
}

/** Another sequence's (or the clean-up's) records are not this sequence's business. */
export function ownList(payload: unknown, known: Known): unknown {
  const list = payload as { pending?: unknown[]; paired?: unknown[] } | undefined;
  if (!Array.isArray(list?.pending) || !Array.isArray(list?.paired)) return payload;
  const byKey = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  // Order by device: requests made in the same millisecond have no order of their own.
  const sorted = (entries: unknown[]) =>
    entries
      .filter((entry) => own(entry, known))
      .sort(
        (a, b) =>
          byKey((a as { deviceId: string }).deviceId, (b as { deviceId: string }).deviceId) ||
          byKey(a, b),
      );
  return { pending: sorted(list.pending), paired: sorted(list.paired) };
}

export function describeResponse(method: string, frame: ResponseFrame, known: Known): unknown {
  if (!frame.ok) return { ok: false, error: frame.error };
  // Cron jobs are the gateway's own (the real one has built-in heartbeats): only "allowed" counts.
  if (method.startsWith("cron.")) return { ok: true };
  return { ok: true, payload: ownList(frame.payload ?? null, known) };
}

export function describeList(frame: unknown, known: Known): unknown {
  const response = frame as ResponseFrame;
  return response.ok ? ownList(response.payload, known) : response;
}

/** device.pair.* events about this sequence's devices (`changed` carries no device). */
export function pairEvents(events: readonly EventFrame[], known: Known): unknown[] {
  return events
    .filter((event) => event.event.startsWith("device.pair."))
    .filter((event) => {
      const deviceId = (event.payload as { deviceId?: unknown } | undefined)?.deviceId;
      return typeof deviceId !== "string" || known(deviceId);
    })
    .map((event) => ({ event: event.event, payload: event.payload ?? null }));
}
