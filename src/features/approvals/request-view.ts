import { expiresAt } from "../../api/pair-list-reducer";
import {
  approvedRoles,
  approvedScopesOf,
  describeClient,
  deviceFingerprint,
  explainNotSilent,
  ownName,
  requestKind,
  requestName,
  scopeDiff,
  type NotSilentExplanation,
  type RequestKind,
  type ScopeDiff,
} from "../../policy";
import { OPERATOR_SCOPES, type PairedDevice, type PendingRequest } from "../../protocol";
import { scopesToAdd, scopesToApprove } from "./approval-scopes";
import { lookalikeKey, shownText } from "../../ui/display-text";

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
// the rest is worked out on first read. It is kept in one Worked shared by every view of the
// same request object and paired record, so a view made again for new marks reuses it.
class Worked {
  derived: Derived | undefined;
  kind: RequestKind | undefined;
  searchText: string | undefined;
  constructor() {
    this.derived = undefined;
    this.kind = undefined;
    this.searchText = undefined;
  }
}

// A list of 10,000 makes one of these per request on its first update, so its fields are
// declared (not class fields, which would define each one and then assign it) and it holds
// only what every listed request needs: the rest waits for the first read.
export class ListedView implements RequestView {
  declare readonly request: PendingRequest;
  declare readonly paired: PairedDevice | undefined;
  declare readonly name: string;
  /** The look-alike key of the name, for the name-clash index. */
  declare readonly key: string;
  /** Set by listed-views.ts before it hands the view out; never changed after that. */
  declare nameClash: boolean;
  /** The session's scopes; undefined leaves missingScopes empty (not worked out). */
  declare held: readonly string[] | undefined;
  /** Which update of the list made it, and which last held it (set by listed-views.ts). */
  declare readonly madeAt: number;
  declare listedAt: number;
  declare private worked: Worked | undefined;
  declare private missing: string[] | undefined;

  constructor(
    request: PendingRequest,
    paired: PairedDevice | undefined,
    held: readonly string[] | undefined,
    madeAt: number,
    like?: ListedView,
  ) {
    this.request = request;
    this.paired = paired;
    this.name = like ? like.name : requestName(request, paired);
    this.key = like
      ? like.key
      : lookalikeKey(
          ownName({ ...request, operatorLabel: paired?.operatorLabel, label: paired?.label }) ?? "",
        );
    this.nameClash = like ? like.nameClash : false;
    this.held = held;
    this.madeAt = madeAt;
    this.listedAt = madeAt;
    this.worked = like ? (like.worked ??= new Worked()) : undefined;
    this.missing = undefined;
  }

  /** The same request and paired record with other marks (what was worked out is shared). */
  remarked(nameClash: boolean, held: readonly string[], update: number): ListedView {
    const view = new ListedView(this.request, this.paired, held, update, this);
    view.nameClash = nameClash;
    return view;
  }

  private get work(): Worked {
    return (this.worked ??= new Worked());
  }
  private get derived(): Derived {
    const work = this.work;
    return (work.derived ??= derive(this.request, this.paired, this.name));
  }

  get expiresAt() {
    return expiresAt(this.request);
  }
  get shownName() {
    return this.derived.shownName;
  }
  get client() {
    return this.derived.client;
  }
  get kind() {
    const work = this.work;
    return (work.kind ??= requestKind(this.request, this.paired));
  }
  get diff() {
    return this.derived.diff;
  }
  get addedRoles() {
    return this.derived.addedRoles;
  }
  get addsAdmin() {
    return this.derived.addsAdmin;
  }
  get approverNeeds() {
    return this.derived.approverNeeds;
  }
  get missingScopes() {
    return (this.missing ??= this.held ? scopesToAdd(this.held, this.approverNeeds) : []);
  }
  get fingerprint() {
    return this.derived.fingerprint;
  }
  get whyNotSilent() {
    return this.derived.whyNotSilent;
  }
  get searchText() {
    const work = this.work;
    const { displayName, deviceId, remoteIp } = this.request;
    return (work.searchText ??= [this.name, displayName, deviceId, remoteIp]
      .join(SEARCH_SEPARATOR)
      .toLowerCase());
  }
}

/** A view of one request, not marked for name clashes or the session's scopes. */
export function toRequestView(
  request: PendingRequest,
  pairedByDevice: ReadonlyMap<string, PairedDevice>,
): RequestView {
  return new ListedView(request, pairedByDevice.get(request.deviceId), undefined, 0);
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
