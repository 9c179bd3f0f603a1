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
import { scopesToAdd, scopesToApprove } from "./approval-scopes";
import { lookalikeKey, shownText } from "../../ui/display-text";
import type { KeyedName } from "../../ui/name-clash-index";

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
  /** Of those, the ones this session lacks, fewest first (list views only: see listedView). */
  missingScopes: string[];
  fingerprint: string;
  expiresAt: number;
  whyNotSilent: NotSilentExplanation;
  /**
   * What a search looks in: the name, the reported name, the device id and the address,
   * lower-cased, one per line (a needle without a line break cannot match across two).
   */
  searchText: string;
};

export const SEARCH_SEPARATOR = "\n";

export const KIND_LABELS: Record<RequestKind, string> = {
  "new-device": "New device",
  "role-upgrade": "Role upgrade",
  "scope-upgrade": "Scope upgrade",
  "re-approval": "Changed identity",
};

const UNNAMED = "Unnamed device";

export function deviceName(request: PendingRequest, paired: PairedDevice | undefined): string {
  // The admin's rename wins; otherwise the name the device reports now, not the old one.
  if (!paired) return request.displayName?.trim() || UNNAMED;
  const { operatorLabel, label } = paired;
  return pairedDeviceName({ operatorLabel, label, displayName: request.displayName }) ?? UNNAMED;
}

/** What a view derives from its request and paired record beyond the name. */
type Derived = Pick<
  RequestView,
  | "shownName"
  | "client"
  | "diff"
  | "addedRoles"
  | "addsAdmin"
  | "approverNeeds"
  | "fingerprint"
  | "whyNotSilent"
>;

function derive(request: PendingRequest, paired: PairedDevice | undefined, name: string): Derived {
  // A paired record with another public key is a different identity: compare against nothing.
  const sameIdentity = paired && paired.publicKey === request.publicKey ? paired : undefined;
  const compared = scopeDiff(sameIdentity ? approvedScopesOf(sameIdentity) : [], request.scopes);
  // Approval merges: scopes the device holds and did not ask for again stay with it.
  const diff = { ...compared, kept: [...compared.kept, ...compared.removed], removed: [] };
  const held = new Set(sameIdentity ? approvedRoles(sameIdentity) : []);
  const roles = [...new Set([request.role, ...request.roles].filter(Boolean))];
  return {
    shownName: shownText(name),
    client: describeClient(request.clientId, request.clientMode),
    diff,
    addedRoles: roles.filter((role) => !held.has(role)),
    addsAdmin: diff.added.includes(OPERATOR_SCOPES.admin),
    approverNeeds: scopesToApprove(request, sameIdentity),
    fingerprint: deviceFingerprint(request.deviceId),
    whyNotSilent: explainNotSilent(request, paired),
  };
}

// Deriving a view costs tens of microseconds (scope sets, locality, display text) and a list
// of 10,000 renders a dozen rows: the name is known at once (it is searched and clash-checked),
// the rest is worked out on first read and kept with the base (listed-views.ts keeps a base
// while its request object and paired record stay the same).
export class ViewBase implements KeyedName {
  readonly name: string;
  /** The device and the look-alike key of its name, for the name-clash index. */
  readonly id: string;
  readonly key: string;
  /** The last list view made from this base: kept while its marks stay the same. */
  listed: LazyRequestView | undefined;
  /** Which update of the list last held it (set by listed-views.ts, to drop the rest). */
  listedAt = 0;
  #derived: Derived | undefined;
  #kind: RequestKind | undefined;
  #searchText: string | undefined;

  constructor(
    readonly request: PendingRequest,
    readonly paired: PairedDevice | undefined,
  ) {
    this.name = deviceName(request, paired);
    this.id = request.deviceId;
    this.key = lookalikeKey(this.name);
  }

  get derived(): Derived {
    return (this.#derived ??= derive(this.request, this.paired, this.name));
  }

  get kind(): RequestKind {
    return (this.#kind ??= requestKind(this.request, this.paired));
  }

  get searchText(): string {
    const { displayName, deviceId, remoteIp } = this.request;
    return (this.#searchText ??= [this.name, displayName, deviceId, remoteIp]
      .join(SEARCH_SEPARATOR)
      .toLowerCase());
  }
}

class LazyRequestView implements RequestView {
  readonly request: PendingRequest;
  readonly paired: PairedDevice | undefined;
  readonly name: string;
  readonly expiresAt: number;
  #missing: string[] | undefined;

  constructor(
    readonly base: ViewBase,
    readonly nameClash: boolean,
    /** The session's scopes; undefined leaves missingScopes empty (not worked out). */
    readonly held: readonly string[] | undefined,
  ) {
    this.request = base.request;
    this.paired = base.paired;
    this.name = base.name;
    this.expiresAt = expiresAt(base.request);
  }

  get shownName() {
    return this.base.derived.shownName;
  }
  get client() {
    return this.base.derived.client;
  }
  get kind() {
    return this.base.kind;
  }
  get diff() {
    return this.base.derived.diff;
  }
  get addedRoles() {
    return this.base.derived.addedRoles;
  }
  get addsAdmin() {
    return this.base.derived.addsAdmin;
  }
  get approverNeeds() {
    return this.base.derived.approverNeeds;
  }
  get missingScopes() {
    return (this.#missing ??= this.held ? scopesToAdd(this.held, this.approverNeeds) : []);
  }
  get fingerprint() {
    return this.base.derived.fingerprint;
  }
  get whyNotSilent() {
    return this.base.derived.whyNotSilent;
  }
  get searchText() {
    return this.base.searchText;
  }
}

/**
 * The list's view of a base: the same object as last time when the clash mark and the session's
 * scopes did not change, so a memoised row does not render again.
 */
export function listedView(
  base: ViewBase,
  nameClash: boolean,
  held: readonly string[],
): RequestView {
  const last = base.listed;
  if (last && last.nameClash === nameClash && last.held === held) return last;
  return (base.listed = new LazyRequestView(base, nameClash, held));
}

/** A view of one request, not marked for name clashes or the session's scopes. */
export function toRequestView(
  request: PendingRequest,
  pairedByDevice: ReadonlyMap<string, PairedDevice>,
): RequestView {
  return new LazyRequestView(
    new ViewBase(request, pairedByDevice.get(request.deviceId)),
    false,
    undefined,
  );
}

const pairedIndexes = new WeakMap<readonly PairedDevice[], ReadonlyMap<string, PairedDevice>>();

/** Paired records by device id; the same map for the same list (it changes far less often). */
export function indexPaired(paired: readonly PairedDevice[]): ReadonlyMap<string, PairedDevice> {
  const known = pairedIndexes.get(paired);
  if (known) return known;
  const index = new Map<string, PairedDevice>();
  for (const device of paired) index.set(device.deviceId, device);
  pairedIndexes.set(paired, index);
  return index;
}
