import { describeClient, pairedDeviceName } from "../../policy";
import type { PairedDevice, PendingRequest } from "../../protocol";
import type { KindFilter, SortOrder } from "../../stores/approvals-store";
import { lookalikeKey } from "../../ui/display-text";
import { createNameClashIndex, type KeyedName } from "../../ui/name-clash-index";
import {
  indexPaired,
  listedView,
  SEARCH_SEPARATOR,
  ViewBase,
  type RequestView,
} from "./request-view";

// The list's views, kept across updates: a socket flush that adds ten requests to ten
// thousand derives ten views and keys ten names; the rest is reused (same objects, so the
// memoised rows that show them do not render again). What stays per update is a walk over
// the list with a couple of map lookups per request.

export type RequestViews = (
  pending: readonly PendingRequest[],
  paired: readonly PairedDevice[],
  /** The session's scopes: the same array while they do not change. */
  held: readonly string[],
) => RequestView[];

type PairedName = KeyedName & { name: string };

/** One per screen: it holds the name-clash index and the bases of what it last listed. */
export function createRequestViews(): RequestViews {
  const names = createNameClashIndex();
  const bases = new Map<string, ViewBase>();
  let pairedNames = new Map<string, PairedName>();
  let pairedIndexed: readonly PairedDevice[] | undefined;
  let update = 0;

  const baseOf = (request: PendingRequest, paired: PairedDevice | undefined) => {
    let base = bases.get(request.requestId);
    if (base?.request !== request || base.paired !== paired) {
      if (base) names.remove(base);
      base = new ViewBase(request, paired);
      bases.set(request.requestId, base);
      names.add(base);
    }
    base.listedAt = update;
    return base;
  };
  // Paired records change rarely (an approval, a rename): then only new names are keyed.
  const indexPairedNames = (pairedByDevice: ReadonlyMap<string, PairedDevice>) => {
    const next = new Map<string, PairedName>();
    for (const [id, device] of pairedByDevice) {
      const name = pairedDeviceName(device) ?? "";
      const known = pairedNames.get(id);
      if (known?.name === name) next.set(id, known);
      else {
        const entry = { id, name, key: lookalikeKey(name) };
        next.set(id, entry);
        names.add(entry);
      }
    }
    for (const [id, entry] of pairedNames) if (next.get(id) !== entry) names.remove(entry);
    pairedNames = next;
  };

  return (pending, paired, held) => {
    update += 1;
    const pairedByDevice = indexPaired(paired);
    const listed = pending.map((request) => baseOf(request, pairedByDevice.get(request.deviceId)));
    for (const [requestId, base] of bases) {
      if (base.listedAt === update) continue;
      bases.delete(requestId);
      names.remove(base);
    }
    if (paired !== pairedIndexed) {
      indexPairedNames(pairedByDevice);
      pairedIndexed = paired;
    }
    return listed.map((base) => listedView(base, names.clashes(base.id), held));
  };
}

export type ListFilters = {
  kindFilter: KindFilter;
  clientFilter: string;
  search: string;
  sort: SortOrder;
};

function matchesSearch(view: RequestView, needle: string): boolean {
  if (!needle) return true;
  if (!needle.includes(SEARCH_SEPARATOR)) return view.searchText.includes(needle);
  const { request } = view;
  return [view.name, request.displayName, request.deviceId, request.remoteIp].some((value) =>
    value?.toLowerCase().includes(needle),
  );
}

export function filterAndSort(views: readonly RequestView[], filters: ListFilters): RequestView[] {
  const needle = filters.search.trim().toLowerCase();
  const shown = views.filter(
    (view) =>
      (filters.kindFilter === "all" || view.kind === filters.kindFilter) &&
      (filters.clientFilter === "all" || (view.request.clientId ?? "") === filters.clientFilter) &&
      matchesSearch(view, needle),
  );
  const direction = filters.sort === "newest" ? -1 : 1;
  return shown.sort((a, b) => direction * (a.request.ts - b.request.ts));
}

/** The distinct client ids in the list, for the client filter. */
export function clientOptions(views: readonly RequestView[]): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const { request } of views) {
    const id = request.clientId ?? "";
    if (!seen.has(id)) seen.set(id, id ? describeClient(id) : "Unknown client");
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}
