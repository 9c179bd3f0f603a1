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
import { shownText } from "../../ui/display-text";

// Everything a request row and the details view show, derived once from the wire objects
// with the rules in src/policy (never re-implemented here).

export type RequestView = {
  request: PendingRequest;
  paired: PairedDevice | undefined;
  name: string;
  shownName: string;
  nameClash: boolean;
  client: string;
  kind: RequestKind;
  diff: ScopeDiff;
  addedRoles: string[];
  addsAdmin: boolean;
  approverNeeds: string[];
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

/** What a view works out from its request and paired record beyond the name. */
type Details = Pick<
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

function details(request: PendingRequest, paired: PairedDevice | undefined, name: string): Details {
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

// A list of 10,000 makes a view per request on every update and renders a dozen rows: the
// name is known at once (it is searched), the rest is worked out on first read.
class LazyView implements RequestView {
  readonly name: string;
  private worked: Details | undefined;
  private kindOf: RequestKind | undefined;
  private missing: string[] | undefined;
  private search: string | undefined;

  constructor(
    readonly request: PendingRequest,
    readonly paired: PairedDevice | undefined,
    readonly nameClash: boolean,
    private readonly held: readonly string[],
  ) {
    this.name = requestName(request, paired);
  }

  private get details(): Details {
    return (this.worked ??= details(this.request, this.paired, this.name));
  }
  get expiresAt() {
    return expiresAt(this.request);
  }
  get kind() {
    return (this.kindOf ??= requestKind(this.request, this.paired));
  }
  get missingScopes() {
    return (this.missing ??= scopesToAdd(this.held, this.approverNeeds));
  }
  get searchText() {
    const { displayName, deviceId, remoteIp } = this.request;
    return (this.search ??= [this.name, displayName, deviceId, remoteIp]
      .join(SEARCH_SEPARATOR)
      .toLowerCase());
  }
  get shownName() {
    return this.details.shownName;
  }
  get client() {
    return this.details.client;
  }
  get diff() {
    return this.details.diff;
  }
  get addedRoles() {
    return this.details.addedRoles;
  }
  get addsAdmin() {
    return this.details.addsAdmin;
  }
  get approverNeeds() {
    return this.details.approverNeeds;
  }
  get fingerprint() {
    return this.details.fingerprint;
  }
  get whyNotSilent() {
    return this.details.whyNotSilent;
  }
}

/** `held` is the session's scopes: what an approval misses is worked out against them. */
export function toRequestView(
  request: PendingRequest,
  paired: PairedDevice | undefined,
  options: { nameClash?: boolean; held?: readonly string[] } = {},
): RequestView {
  return new LazyView(request, paired, options.nameClash ?? false, options.held ?? []);
}

/** The name a request can clash on: its label or reported name (a nameless one clashes with none). */
export function clashName(request: PendingRequest, paired: PairedDevice | undefined): string {
  return ownName({ ...request, operatorLabel: paired?.operatorLabel, label: paired?.label }) ?? "";
}
