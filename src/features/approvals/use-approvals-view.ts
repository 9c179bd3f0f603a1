import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePendingRequests } from "../../api/pair-list";
import { useApprovalsStore } from "../../stores/approvals-store";
import {
  clientOptions,
  filterAndSort,
  indexPaired,
  markNameClashes,
  toRequestView,
} from "./request-view";

// What the screen shows, derived from the cache (server data) and the store (client state).

export function useApprovalsView(now: number) {
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

  const all = useMemo(() => {
    const pairedByDevice = indexPaired(paired);
    return markNameClashes(
      pending.map((request) => toRequestView(request, pairedByDevice)),
      paired,
    );
  }, [pending, paired]);
  // The subscription drops expired requests on a timer; this keeps a row from lingering a
  // tick past its countdown.
  const live = useMemo(() => all.filter((view) => view.expiresAt > now), [all, now]);
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
