import { describeClient, ownName } from "../../policy";
import type { PairedDevice, PendingRequest } from "../../protocol";
import type { ApprovalsState } from "../../stores/approvals-store";
import { findNameClashes } from "../../ui/display-text";
import { clashName, SEARCH_SEPARATOR, toRequestView, type RequestView } from "./request-view";

export function toRequestViews(
  pending: readonly PendingRequest[],
  paired: readonly PairedDevice[],
  held: readonly string[],
  /** Requests that superseded another of their device (they carry both asks). */
  replacing: ReadonlySet<string> = new Set(),
): RequestView[] {
  const byDevice = new Map(paired.map((device) => [device.deviceId, device]));
  const clashes = findNameClashes([
    ...pending.map((request) => ({
      id: request.deviceId,
      name: clashName(request, byDevice.get(request.deviceId)),
    })),
    ...paired.map((device) => ({ id: device.deviceId, name: ownName(device) ?? "" })),
  ]);
  return pending.map((request) =>
    toRequestView(request, byDevice.get(request.deviceId), {
      nameClash: clashes.has(request.deviceId),
      held,
      replaced: replacing.has(request.requestId),
    }),
  );
}

export type ListFilters = Pick<ApprovalsState, "kindFilter" | "clientFilter" | "search" | "sort">;

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

export function clientOptions(views: readonly RequestView[]): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const { request } of views) {
    const id = request.clientId ?? "";
    if (!seen.has(id)) seen.set(id, id ? describeClient(id) : "Unknown client");
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}
