import { useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePendingRequests } from "../../api/pair-list";
import { useApprovalsStore } from "../../stores/approvals-store";
import { useConnectionStatus } from "../../stores/connection-store";
import {
  clientOptions,
  filterAndSort,
  indexPaired,
  markNameClashes,
  toRequestView,
  withSessionScopes,
} from "./request-view";

// What the screen shows, derived from the cache (server data) and the store (client state).

export function useApprovalsView() {
  const { pending, paired, query } = usePendingRequests();
  const filters = useApprovalsStore(
    useShallow(({ kindFilter, clientFilter, search, sort }) => ({
      kindFilter,
      clientFilter,
      search,
      sort,
    })),
  );
  const selected = useApprovalsStore((state) => state.selected);
  const status = useConnectionStatus();
  // While reconnecting, the last known scopes still say what an approval will need.
  const heldKey = status.kind === "connected" ? status.scopes.join(" ") : undefined;
  const [lastHeld, setLastHeld] = useState("");
  if (heldKey !== undefined && heldKey !== lastHeld) setLastHeld(heldKey);
  const held = heldKey ?? lastHeld;

  const all = useMemo(() => {
    const pairedByDevice = indexPaired(paired);
    const views = pending.map((request) => toRequestView(request, pairedByDevice));
    return withSessionScopes(markNameClashes(views, paired), held ? held.split(" ") : []);
  }, [pending, paired, held]);
  // A request past its first five minutes stays: the subscription asks the gateway, which
  // keeps it alive when the device asked again, and drops it when it really expired.
  const live = all;
  const visible = useMemo(() => filterAndSort(live, filters), [live, filters]);
  const clients = useMemo(() => clientOptions(live), [live]);
  const selectedShown = useMemo(
    () => visible.filter((view) => selected.has(view.request.requestId)),
    [visible, selected],
  );
  const liveIds = useMemo(() => new Set(live.map((view) => view.request.requestId)), [live]);
  const selectedHidden = [...selected].filter(
    (id) => liveIds.has(id) && !selectedShown.some((view) => view.request.requestId === id),
  ).length;
  const filtered =
    filters.kindFilter !== "all" || filters.clientFilter !== "all" || filters.search.trim() !== "";

  return { query, live, visible, clients, selected, selectedShown, selectedHidden, filtered };
}
