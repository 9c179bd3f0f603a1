import { expiresAt } from "../../api/pair-list-reducer";
import {
  approvedRoles,
  approvedScopesOf,
  describeClient,
  deviceFingerprint,
  explainNotSilent,
  pairedDeviceName,
  requestKind,
  scopeDiff,
  type NotSilentExplanation,
  type RequestKind,
  type ScopeDiff,
} from "../../policy";
import { OPERATOR_SCOPES, type PairedDevice, type PendingRequest } from "../../protocol";
import type { KindFilter, SortOrder } from "../../stores/approvals-store";
import { scopesToAdd, scopesToApprove } from "./approval-scopes";
import { findNameClashes, SHORT_TEXT_LIMIT, toDisplayText } from "../../ui/display-text";

// Everything a request row and the details view show, derived once from the wire objects
// with the rules in src/policy (never re-implemented here).

export type RequestView = {
  request: PendingRequest;
  paired: PairedDevice | undefined;
  /** As the device (or a label) gives it: render with DeviceText, search on it. */
  name: string;
  /** The name cut and with hidden characters as ⟨U+…⟩ markers: for notes, titles and labels. */
  shownName: string;
  /** Another device has the same or a look-alike name: only the fingerprint tells them apart. */
  nameClash: boolean;
  client: string;
  kind: RequestKind;
  diff: ScopeDiff;
  /** Roles the device asks for that it does not hold yet. */
  addedRoles: string[];
  addsAdmin: boolean;
  /** Scopes the approving session must hold (the gateway refuses the approval otherwise). */
  approverNeeds: string[];
  /** Of those, the ones this session lacks, fewest first: set by withSessionScopes. */
  missingScopes: string[];
  fingerprint: string;
  expiresAt: number;
  whyNotSilent: NotSilentExplanation;
};

export const KIND_LABELS: Record<RequestKind, string> = {
  "new-device": "New device",
  "role-upgrade": "Role upgrade",
  "scope-upgrade": "Scope upgrade",
  "re-approval": "Changed identity",
};

const UNNAMED = "Unnamed device";

export function deviceName(request: PendingRequest, paired: PairedDevice | undefined): string {
  // The admin's rename wins; otherwise the name the device reports now, not the old one.
  const { operatorLabel, label } = paired ?? {};
  return pairedDeviceName({ operatorLabel, label, displayName: request.displayName }) ?? UNNAMED;
}

export function toRequestView(
  request: PendingRequest,
  pairedByDevice: ReadonlyMap<string, PairedDevice>,
): RequestView {
  const paired = pairedByDevice.get(request.deviceId);
  // A paired record with another public key is a different identity: compare against nothing.
  const sameIdentity = paired && paired.publicKey === request.publicKey ? paired : undefined;
  const compared = scopeDiff(sameIdentity ? approvedScopesOf(sameIdentity) : [], request.scopes);
  // Approval merges: scopes the device holds and did not ask for again stay with it.
  const diff = { ...compared, kept: [...compared.kept, ...compared.removed], removed: [] };
  const held = new Set(sameIdentity ? approvedRoles(sameIdentity) : []);
  const roles = [...new Set([request.role, ...request.roles].filter(Boolean))];
  const name = deviceName(request, paired);
  return {
    request,
    paired,
    name,
    shownName: shownText(name),
    nameClash: false,
    client: describeClient(request.clientId, request.clientMode),
    kind: requestKind(request, paired),
    diff,
    addedRoles: roles.filter((role) => !held.has(role)),
    addsAdmin: diff.added.includes(OPERATOR_SCOPES.admin),
    approverNeeds: scopesToApprove(request, sameIdentity),
    missingScopes: [],
    fingerprint: deviceFingerprint(request.deviceId),
    expiresAt: expiresAt(request),
    whyNotSilent: explainNotSilent(request, paired),
  };
}

/** A device-supplied string for places that take plain text (notes, titles, aria-labels). */
export function shownText(value: string): string {
  return toDisplayText(value, SHORT_TEXT_LIMIT).short;
}

/** Marks views whose device could be mistaken for another listed or paired device by name. */
export function markNameClashes(
  views: readonly RequestView[],
  paired: readonly PairedDevice[],
): RequestView[] {
  const clashes = findNameClashes([
    ...views.map((view) => ({ id: view.request.deviceId, name: view.name })),
    ...paired.map((device) => ({
      id: device.deviceId,
      name: pairedDeviceName(device) ?? "",
    })),
  ]);
  if (clashes.size === 0) return [...views];
  return views.map((view) =>
    clashes.has(view.request.deviceId) ? { ...view, nameClash: true } : view,
  );
}

/** Fills in which scopes approving each request needs that a session holding `held` lacks. */
export function withSessionScopes(
  views: readonly RequestView[],
  held: readonly string[],
): RequestView[] {
  return views.map((view) => {
    const missing = scopesToAdd(held, view.approverNeeds);
    return missing.length > 0 ? { ...view, missingScopes: missing } : view;
  });
}

export function indexPaired(paired: readonly PairedDevice[]): Map<string, PairedDevice> {
  return new Map(paired.map((device) => [device.deviceId, device]));
}

export type ListFilters = {
  kindFilter: KindFilter;
  clientFilter: string;
  search: string;
  sort: SortOrder;
};

function matchesSearch(view: RequestView, needle: string): boolean {
  if (!needle) return true;
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
