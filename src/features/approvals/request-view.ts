import { expiresAt } from "../../api/pair-list-reducer";
import {
  approvedRoles,
  approvedScopesOf,
  describeClient,
  deviceFingerprint,
  explainNotSilent,
  liveApprovedRoles,
  ownName,
  requestKind,
  requestName,
  sameIdentity,
  scopeDiff,
  scopesToAct,
  type NotSilentExplanation,
  type RequestKind,
  type ScopeDiff,
} from "../../policy";
import { OPERATOR_SCOPES, type PairedDevice, type PendingRequest } from "../../protocol";
import type { WireText } from "../../protocol";
import { shownText } from "../../ui/display-text";

export type RequestView = {
  request: PendingRequest;
  paired: PairedDevice | undefined;
  name: WireText;
  shownName: string;
  nameClash: boolean;
  client: WireText;
  kind: RequestKind;
  /** It superseded another request of its device, so it carries both asks (see kindDoubt). */
  replaced: boolean;
  /** Requested against approved; `removed` = held and not asked again (approval keeps them). */
  diff: ScopeDiff;
  /** Each requested role, marked when it is new or its token was revoked. */
  roles: WireText[];
  addsAdmin: boolean;
  /** What this session lacks to approve it (the gating rule in src/policy). */
  missingScopes: WireText[];
  fingerprint: WireText;
  expiresAt: number;
  whyNotSilent: NotSilentExplanation;
  /** Searched fields, lower-cased, one per line (a needle cannot match across two). */
  searchText: string;
};

export const SEARCH_SEPARATOR = "\n";

export const KIND_LABELS: Record<RequestKind, string> = {
  "new-device": "New device",
  "role-upgrade": "Role upgrade",
  "scope-upgrade": "Scope upgrade",
  "re-approval": "Changed identity",
};

type Details = Pick<
  RequestView,
  "shownName" | "client" | "diff" | "roles" | "addsAdmin" | "fingerprint" | "whyNotSilent"
>;

function roleWords(role: string, same: PairedDevice | undefined): WireText {
  if (!same || !approvedRoles(same).includes(role)) return `${role} (new)`;
  return liveApprovedRoles(same).includes(role) ? role : `${role} (token revoked)`;
}

function details(request: PendingRequest, paired: PairedDevice | undefined, name: string): Details {
  // A paired record with another public key is a different identity: compare against nothing.
  const same = sameIdentity(request, paired);
  const diff = scopeDiff(same ? approvedScopesOf(same) : [], request.scopes);
  const roles = [...new Set([request.role, ...request.roles].filter(Boolean))];
  return {
    shownName: shownText(name),
    client: describeClient(request.clientId, request.clientMode),
    diff,
    roles: roles.map((role) => roleWords(role, same)),
    addsAdmin: diff.added.includes(OPERATOR_SCOPES.admin),
    fingerprint: deviceFingerprint(request.deviceId),
    whyNotSilent: explainNotSilent(request, paired),
  };
}

// The name is known at once (it is searched), the rest worked out on first read (BENCHMARKS.md).
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
    readonly replaced: boolean,
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
    const target = { action: "approve" as const, request: this.request };
    const paired = sameIdentity(this.request, this.paired);
    return (this.missing ??= scopesToAct({ scopes: this.held }, { ...target, paired }));
  }
  get searchText() {
    const { displayName, deviceId, remoteIp } = this.request;
    // The fingerprint too, so a search typed as shown ("05ec faba") finds it.
    return (this.search ??= [
      this.name,
      displayName,
      deviceId,
      remoteIp,
      deviceFingerprint(deviceId),
    ]
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
  get roles() {
    return this.details.roles;
  }
  get addsAdmin() {
    return this.details.addsAdmin;
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
  options: { nameClash?: boolean; held?: readonly string[]; replaced?: boolean } = {},
): RequestView {
  const { nameClash = false, held = [], replaced = false } = options;
  return new LazyView(request, paired, nameClash, held, replaced);
}

/** The name a request can clash on: its label or reported name (a nameless one clashes with none). */
export function clashName(request: PendingRequest, paired: PairedDevice | undefined): WireText {
  return ownName({ ...request, operatorLabel: paired?.operatorLabel, label: paired?.label }) ?? "";
}
