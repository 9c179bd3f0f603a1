import { memo, useId } from "react";
import { DeviceText } from "../../ui/DeviceText";
import "../../ui/request-card.css";
import { KIND_LABELS, type RequestView } from "./request-view";
import { RequestFacts, WhyItNeedsYou } from "./RequestFacts";
import { ScopeDiffList } from "./ScopeDiffList";
import { formatAgo } from "../../ui/relative-time";
import { EXPIRY_HINT, formatExpiry } from "./time-format";

const URGENT_MS = 60_000;

type Props = {
  view: RequestView;
  now: number;
  selected: boolean;
  active: boolean;
  detailsHref: string;
  onToggle: (requestId: string) => void;
  onApprove: (views: readonly RequestView[]) => void;
  onReject: (views: readonly RequestView[]) => void;
  onOpenDetails: (requestId: string) => void;
  onActivate: (requestId: string) => void;
};

export const RequestCard = memo(function RequestCard(props: Props) {
  const { view, now, selected, active } = props;
  const { request } = view;
  const headingId = useId();
  const needsId = useId();
  const left = view.expiresAt - now;
  return (
    <article
      className={`request-card${active ? " active" : ""}${view.addsAdmin ? " admin" : ""}`}
      aria-labelledby={headingId}
      data-request-id={request.requestId}
      // Roving focus: the active request is the one Tab reaches and j/k move (see use-shortcuts).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={active ? 0 : -1}
      // Focus anywhere in the card (its buttons too) makes it the one a/r/x/Enter act on.
      onFocus={() => props.onActivate(request.requestId)}
    >
      <div className="request-head">
        <input
          type="checkbox"
          className="request-select"
          checked={selected}
          onChange={() => props.onToggle(request.requestId)}
          aria-label={`Select ${view.shownName}`}
        />
        <h3 id={headingId} className="request-name truncate">
          <DeviceText value={view.name} />
        </h3>
        <code className="device-fingerprint" title="Device fingerprint (start of the device id)">
          <DeviceText value={view.fingerprint} />
        </code>
        <span className={`kind-badge kind-${view.kind}`}>{KIND_LABELS[view.kind]}</span>
      </div>
      {view.nameClash && (
        <p className="name-clash">
          Another device has the same or a look-alike name: check the fingerprint.
        </p>
      )}
      <RequestFacts view={view} />
      <div className="request-scopes">
        <span className="facts-label">Scopes</span>
        <ScopeDiffList diff={view.diff} />
      </div>
      <p className="request-why">
        <span className="facts-label">Why it needs you: </span>
        <WhyItNeedsYou view={view} />
      </p>
      <div className="request-foot">
        <span className="request-age">Asked {formatAgo(request.ts, now)}</span>
        <span
          className={`request-expiry${left > 0 && left < URGENT_MS ? " urgent" : ""}`}
          title={EXPIRY_HINT}
        >
          {formatExpiry(left)}
        </span>
        <div className="request-actions">
          <a
            href={props.detailsHref}
            className="button-link"
            aria-describedby={headingId}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              props.onOpenDetails(request.requestId);
            }}
          >
            Details
          </a>
          <button type="button" aria-describedby={headingId} onClick={() => props.onReject([view])}>
            Reject
          </button>
          {view.missingScopes.length > 0 && (
            <span id={needsId} className="needs-scopes">
              <DeviceText value={`Needs ${view.missingScopes.join(", ")}`} sentence />
            </span>
          )}
          <button
            type="button"
            className="primary"
            aria-describedby={view.missingScopes.length > 0 ? `${headingId} ${needsId}` : headingId}
            onClick={() => props.onApprove([view])}
          >
            Approve
          </button>
        </div>
      </div>
    </article>
  );
});
