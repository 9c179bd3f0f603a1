import { describeClient, ownName } from "../../policy";
import type { PairedDevice, PendingRequest } from "../../protocol";
import type { KindFilter, SortOrder } from "../../stores/approvals-store";
import { lookalikeKey } from "../../ui/display-text";
import { createNameClashIndex } from "../../ui/name-clash-index";
import { indexPaired, ListedView, SEARCH_SEPARATOR, type RequestView } from "./request-view";

// The list's views, kept across updates: a socket flush that adds ten requests to ten
// thousand makes ten views and keys ten names; the rest is reused (same objects, so the
// memoised rows that show them do not render again). What stays per update is a walk over
// the list with a couple of map lookups per request.

export type RequestViews = (
  pending: readonly PendingRequest[],
  paired: readonly PairedDevice[],
  /** The session's scopes: the same array while they do not change. */
  held: readonly string[],
) => RequestView[];

/** One per screen: it holds the name-clash index and the views it last listed. */
export function createRequestViews(): RequestViews {
  const names = createNameClashIndex();
  const views = new Map<string, ListedView>();
  // The paired records whose names are filed, by device: indexPaired's map of the last list.
  let pairedFiled: ReadonlyMap<string, PairedDevice> = new Map();
  let update = 0;
  // How many views the current update has listed (each counted once).
  let listedCount = 0;

  const viewOf = (
    request: PendingRequest,
    paired: PairedDevice | undefined,
    held: readonly string[],
  ) => {
    const known = views.get(request.requestId);
    // Each entry counts once, however often its request id comes in this list.
    if (known?.listedAt !== update) listedCount += 1;
    if (known?.request === request && known.paired === paired) {
      known.listedAt = update;
      return known;
    }
    if (known) names.remove(known.request.deviceId, known.key);
    const view = new ListedView(request, paired, held, update);
    views.set(request.requestId, view);
    names.add(request.deviceId, view.key);
    return view;
  };
  // Once every name is filed: the view to hand out, the same object while its marks hold.
  const marked = (view: ListedView, held: readonly string[]) => {
    const nameClash = names.clashes(view.request.deviceId);
    if (view.madeAt === update) {
      // Made by this update and not handed out yet: its marks can still be set.
      view.nameClash = nameClash;
      return view;
    }
    if (view.nameClash === nameClash && view.held === held) return view;
    const next = view.remarked(nameClash, held, update);
    views.set(view.request.requestId, next);
    return next;
  };
  const dropUnlisted = () => {
    for (const [requestId, view] of views) {
      if (view.listedAt === update) continue;
      views.delete(requestId);
      names.remove(view.request.deviceId, view.key);
    }
  };
  // Paired records change rarely (an approval, a rename): then only the records that are not
  // the same objects as last time are keyed again. Nothing is kept per record: a record's key
  // is worked out again from the record itself when it has to come out of the index.
  const filePairedNames = (next: ReadonlyMap<string, PairedDevice>) => {
    const last = pairedFiled;
    next.forEach((device, id) => {
      const before = last.size === 0 ? undefined : last.get(id);
      if (before === device) return;
      const key = pairedNameKey(device);
      if (before) {
        const old = pairedNameKey(before);
        if (old === key) return;
        names.remove(id, old);
      }
      names.add(id, key);
    });
    last.forEach((device, id) => {
      if (!next.has(id)) names.remove(id, pairedNameKey(device));
    });
    pairedFiled = next;
  };

  return (pending, paired, held) => {
    update += 1;
    listedCount = 0;
    const pairedByDevice = indexPaired(paired);
    const listed = pending.map((request) =>
      viewOf(request, pairedByDevice.get(request.deviceId), held),
    );
    if (listedCount < views.size) dropUnlisted();
    if (pairedByDevice !== pairedFiled) filePairedNames(pairedByDevice);
    for (let index = 0; index < listed.length; index += 1) {
      listed[index] = marked(listed[index] as ListedView, held);
    }
    return listed;
  };
}

function pairedNameKey(device: PairedDevice): string {
  return lookalikeKey(ownName(device) ?? "");
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
  // Unfiltered (the first screen), a copy to sort: no per-request test over the whole list.
  const shown =
    filters.kindFilter === "all" && filters.clientFilter === "all" && !needle
      ? views.slice()
      : views.filter(
          (view) =>
            (filters.kindFilter === "all" || view.kind === filters.kindFilter) &&
            (filters.clientFilter === "all" ||
              (view.request.clientId ?? "") === filters.clientFilter) &&
            matchesSearch(view, needle),
        );
  const direction = filters.sort === "newest" ? -1 : 1;
  return shown.sort((a, b) => direction * (a.request.ts - b.request.ts));
}

/** The distinct client ids in the list, for the client filter. */
export function clientOptions(views: readonly RequestView[]): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  let last: string | undefined;
  for (let index = 0; index < views.length; index += 1) {
    const id = views[index]?.request.clientId ?? "";
    // Requests come in runs from the same client: a string compare skips most map lookups.
    if (id === last) continue;
    last = id;
    if (!seen.has(id)) seen.set(id, id ? describeClient(id) : "Unknown client");
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}
