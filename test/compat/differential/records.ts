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

/** The device an entry or event is about (node.pair.* name it `nodeId`). */
function deviceOf(entry: unknown): unknown {
  const { deviceId, nodeId } = (entry ?? {}) as { deviceId?: unknown; nodeId?: unknown };
  return deviceId ?? nodeId;
}

function own(entry: unknown, known: Known): boolean {
  const deviceId = deviceOf(entry);
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
      .sort((a, b) => byKey(deviceOf(a), deviceOf(b)) || byKey(a, b));
  return { pending: sorted(list.pending), paired: sorted(list.paired) };
}

/**
 * node.pair.list's lastConnectedAtMs / lastDisconnectedAtMs: the real gateway writes them some
 * time after a node's socket opens or closes (the same step showed them in one run, not in the
 * next), so only the rest of a paired node is compared.
 */
function withoutNodePresence(payload: unknown): unknown {
  const list = payload as { paired?: unknown[] } | null;
  if (!Array.isArray(list?.paired)) return payload;
  const paired = list.paired.map((entry) => {
    const {
      lastConnectedAtMs: _c,
      lastDisconnectedAtMs: _d,
      ...rest
    } = entry as Record<string, unknown>;
    return rest;
  });
  return { ...list, paired };
}

export function describeResponse(method: string, frame: ResponseFrame, known: Known): unknown {
  if (!frame.ok) return { ok: false, error: frame.error };
  if (method === "node.pair.list") {
    return { ok: true, payload: ownList(withoutNodePresence(frame.payload ?? null), known) };
  }
  // Cron jobs are the gateway's own (the real one has built-in heartbeats): only "allowed" counts.
  if (method.startsWith("cron.")) return { ok: true };
  return { ok: true, payload: ownList(frame.payload ?? null, known) };
}

export function describeList(frame: unknown, known: Known): unknown {
  const response = frame as ResponseFrame;
  return response.ok ? ownList(response.payload, known) : response;
}

/** device.pair.* and node.pair.* events about this sequence's devices (`changed` names none). */
export function pairEvents(events: readonly EventFrame[], known: Known): unknown[] {
  return events
    .filter((event) => /^(device|node)\.pair\./.test(event.event))
    .filter((event) => {
      const deviceId = deviceOf(event.payload);
      return typeof deviceId !== "string" || known(deviceId);
    })
    .map((event) => ({ event: event.event, payload: event.payload ?? null }));
}
