import type { QueryClient } from "@tanstack/react-query";
import {
  approvedScopesOf,
  deviceName,
  normalizeScopes,
  requestName,
  sameIdentity,
} from "../policy";
import { DECISIONS, type PairedDevice, type PairList, type PendingRequest } from "../protocol";
import type { PairFeed } from "./pair-events";
import type { PairOutcome } from "./pair-list-reducer";
import { pairListQueryKey } from "./pair-list";
import type { HistoryStore } from "./history-store";
import { DECIDERS, HISTORY_KINDS } from "./history-types";

// Writes what the pairing feed decided into the history log. A silent approval has no request:
// its device is named from the paired list, now or once the list is read again.

/** Approvals waiting for their device's paired record to give them a name. */
const UNNAMED_KEPT = 100;

type Resolved = Extract<PairOutcome, { kind: "resolved" }>;

export function startHistoryRecorder(
  feed: PairFeed,
  store: HistoryStore,
  queryClient: QueryClient,
): () => void {
  let pairedList: PairedDevice[] | undefined;
  let paired = new Map<string, PairedDevice>();
  // Read again only when the paired list changed (an approval, a refetch): not per event.
  const pairedIndex = () => {
    const list = queryClient.getQueryData<PairList>(pairListQueryKey)?.paired;
    if (list !== pairedList) paired = new Map(list?.map((device) => [device.deviceId, device]));
    pairedList = list;
  };
  // deviceId → entries recorded before the paired list named the device.
  const unnamed = new Map<string, string[]>();

  const asked = (request: PendingRequest) => ({
    deviceId: request.deviceId,
    deviceName: requestName(request, paired.get(request.deviceId)),
    requestId: request.requestId,
    role: [...new Set([request.role, ...request.roles])].filter(Boolean).join(", "),
    scopesAsked: [...request.scopes],
  });
  const requested = (request: PendingRequest) =>
    store.record({ at: request.ts, kind: HISTORY_KINDS.requested, ...asked(request) });

  const resolved = ({ resolved, request, decidedHere }: Resolved) => {
    const approved = resolved.decision === DECISIONS.approved;
    const deviceId = resolved.deviceId || request?.deviceId || "";
    const device = paired.get(deviceId);
    // The gateway unites the ask with what the device held (the record may already show it).
    const held = request && sameIdentity(request, device);
    const granted =
      request && normalizeScopes([...(held ? approvedScopesOf(held) : []), ...request.scopes]);
    const entry = store.record({
      at: resolved.ts || undefined,
      kind: approved ? HISTORY_KINDS.approved : HISTORY_KINDS.rejected,
      ...(request ? asked(request) : { deviceName: device && deviceName(device) }),
      deviceId,
      requestId: resolved.requestId,
      scopesDecided: approved ? granted : [],
      decidedBy: decidedHere
        ? DECIDERS.thisBrowser
        : !request || request.silent
          ? DECIDERS.automatic
          : DECIDERS.anotherAdmin,
    });
    if (!request && !device && approved && deviceId) {
      unnamed.delete(deviceId);
      unnamed.set(deviceId, [...(unnamed.get(deviceId) ?? []), entry.id].slice(-10));
      if (unnamed.size > UNNAMED_KEPT) unnamed.delete(unnamed.keys().next().value ?? "");
    }
  };

  const stopOutcomes = feed.subscribe((outcomes) => {
    pairedIndex();
    for (const outcome of outcomes) {
      if (outcome.kind === "requested") requested(outcome.request);
      else if (outcome.kind === "resolved") resolved(outcome);
      else if (outcome.kind === "expired") {
        const { request } = outcome;
        const note = "No one decided it in time";
        store.record({ kind: HISTORY_KINDS.expired, ...asked(request), scopesDecided: [], note });
      } else if (outcome.kind === "superseded") {
        const { previous, next } = outcome;
        store.record({
          kind: HISTORY_KINDS.superseded,
          ...asked(previous),
          scopesDecided: [],
          decidedBy: DECIDERS.automatic,
          note: `Replaced by request ${next.requestId}`,
        });
        requested(next);
      }
    }
  });
  const stopNaming = queryClient.getQueryCache().subscribe((event) => {
    if (unnamed.size === 0 || event.type !== "updated") return;
    if (event.query.queryKey[1] !== pairListQueryKey[1]) return;
    pairedIndex();
    for (const [deviceId, entryIds] of unnamed) {
      const device = paired.get(deviceId);
      if (!device) continue;
      entryIds.forEach((id) => store.update(id, { deviceName: deviceName(device) }));
      unnamed.delete(deviceId);
    }
  });
  return () => {
    stopOutcomes();
    stopNaming();
  };
}
