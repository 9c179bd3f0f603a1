import { approvedScopesOf, PENDING_CAUSES } from "../../policy";
import { kindDoubt } from "../../policy/kind-doubt";
import { CAUSE_HELP } from "../../policy/pending-cause-help";
import type { WireText } from "../../protocol";
import { DeviceText } from "../../ui/DeviceText";
import { ModalDialog } from "../../ui/ModalDialog";
import { KIND_LABELS, type RequestView } from "./request-view";
import { RequestFacts, sentence, WhyItNeedsYou } from "./RequestFacts";
import { ScopeDiffList } from "./ScopeDiffList";
import { formatAgo } from "../../ui/relative-time";
import { formatExpiry } from "./time-format";

type Props = {
  view: RequestView | undefined;
  lastSeen?: RequestView;
  now: number;
  listHref: string;
  onClose: () => void;
  onApprove: (view: RequestView) => void;
  onReject: (view: RequestView) => void;
  focusAfter: (openerConnected: boolean) => HTMLElement | null | undefined;
};

function Raw({ term, value }: { term: string; value: WireText | undefined }) {
  return (
    <div className="fact wide">
      <dt>{term}</dt>
      <dd>
        <code className="raw">
          <DeviceText value={value} fallback="—" limit={Number.POSITIVE_INFINITY} />
        </code>
      </dd>
    </div>
  );
}

export function RequestDetailsDialog(props: Props) {
  const { view, now, onClose, lastSeen } = props;
  if (!view) {
    const expired = lastSeen !== undefined && lastSeen.expiresAt <= now;
    return (
      <ModalDialog
        title={expired ? "Request expired" : "Request not found"}
        onClose={onClose}
        focusAfter={props.focusAfter}
      >
        <p>
          {expired
            ? `The request from “${lastSeen.shownName}” expired while it was open, so it can no longer be approved. The device has to ask again.`
            : "This request was already handled or has expired."}
        </p>
        <div className="modal-actions">
          <a
            href={props.listHref}
            onClick={(event) => {
              event.preventDefault();
              onClose();
            }}
          >
            Back to pending requests
          </a>
        </div>
      </ModalDialog>
    );
  }
  const { request, paired } = view;
  const doubt = kindDoubt(request, paired, view.replaced);
  return (
    <ModalDialog
      title={`Request from “${view.shownName}”`}
      onClose={onClose}
      focusAfter={props.focusAfter}
      className="details-dialog"
    >
      <p>
        <span className={`kind-badge kind-${view.kind}`}>{KIND_LABELS[view.kind]}</span> · asked{" "}
        {formatAgo(request.ts, now)} · {formatExpiry(view.expiresAt - now).toLowerCase()}
      </p>
      {doubt && <p className="muted">{doubt}</p>}
      <RequestFacts view={view} />
      {view.missingScopes.length > 0 && (
        <p className="needs-scopes">
          <DeviceText value={`Approving needs ${view.missingScopes.join(", ")}.`} sentence />
        </p>
      )}
      <h3>Scopes</h3>
      <ScopeDiffList diff={view.diff} />
      <h3>Why it needs you</h3>
      {view.whyNotSilent.known.length > 0 ? (
        <WhyItNeedsYou view={view} />
      ) : (
        <>
          <p>
            The gateway does not record why. For this client (<DeviceText value={view.client} />
            ), its rules allow these causes, most likely first:
          </p>
          <ol className="causes">
            {view.whyNotSilent.possible.map((id) => (
              <li key={id}>
                {sentence(PENDING_CAUSES[id])} <strong>Check:</strong> {CAUSE_HELP[id].check}{" "}
                <strong>Fix:</strong> {CAUSE_HELP[id].fix}
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>Raw values</h3>
      <dl className="request-facts raw-facts">
        <Raw term="Request id" value={request.requestId} />
        <Raw term="Device id" value={request.deviceId} />
        <Raw term="Public key" value={request.publicKey} />
        <Raw term="Display name" value={request.displayName} />
        <Raw
          term="Client id / mode"
          value={`${request.clientId ?? "—"} / ${request.clientMode ?? "—"}`}
        />
        <Raw
          term="Requested roles"
          value={[...new Set([request.role, ...request.roles].filter(Boolean))].join(", ")}
        />
        <Raw term="Requested scopes" value={request.scopes.join(", ")} />
        <Raw
          term="Approved scopes"
          value={paired ? approvedScopesOf(paired).join(", ") : "none (not paired)"}
        />
        <Raw term="Label" value={paired?.operatorLabel ?? paired?.label} />
      </dl>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" onClick={() => props.onReject(view)}>
          Reject
        </button>
        <button type="button" className="primary" onClick={() => props.onApprove(view)}>
          Approve
        </button>
      </div>
    </ModalDialog>
  );
}
