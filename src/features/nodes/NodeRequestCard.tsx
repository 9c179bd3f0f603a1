import { ADMIN_NODE_COMMANDS, addedNodeCommands, missingScopes } from "../../policy";
import { OPERATOR_SCOPES, type NodeRequest, type WireText } from "../../protocol";
import { shownText } from "../../ui/display-text";
import { DeviceText } from "../../ui/DeviceText";
import "../../ui/request-card.css";

type Props = {
  request: NodeRequest;
  name: WireText;
  /** The commands approved for this node before; undefined when none were. */
  approved: readonly WireText[] | undefined;
  held: readonly string[];
  selected: boolean;
  active: boolean;
  onToggle: () => void;
  onActivate: () => void;
  onApprove: () => void;
  onReject: () => void;
};

/** The scopes approving `request` needs that this session lacks (admin holds them all). */
export function missingToApprove(request: NodeRequest, held: readonly string[]): string[] {
  const needs = request.requiredApproveScopes;
  return !needs || held.includes(OPERATOR_SCOPES.admin) ? [] : missingScopes(held, needs);
}

export function NodeRequestCard({ request, name, approved, held, ...props }: Props) {
  const added = new Set(addedNodeCommands(request.commands, approved));
  const needs = request.requiredApproveScopes;
  const missing = missingToApprove(request, held);
  const needWords = needs ? needs.join(" + ") : "scopes this gateway does not say (unknown)";
  const lacks = missing.length > 0 ? `; this session lacks ${missing.join(", ")}` : "";
  const headingId = `node-request-${request.requestId}`;
  return (
    <article
      className={`request-card${props.active ? " active" : ""}`}
      aria-labelledby={headingId}
      data-request-id={request.requestId}
      // Roving focus, as on the approvals screen: the active request is the one Tab reaches.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={props.active ? 0 : -1}
      onFocus={props.onActivate}
    >
      <h3 id={headingId}>
        <DeviceText value={name} />
      </h3>
      <p>
        <input
          type="checkbox"
          checked={props.selected}
          onChange={props.onToggle}
          aria-label={`Select ${shownText(name)}`}
        />{" "}
        {request.platform ? <DeviceText value={request.platform} /> : "Platform not given"}
        {approved ? " · asks to change its approved commands" : " · no commands approved yet"}
      </p>
      {request.commands.length === 0 ? (
        <p>Declares no commands.</p>
      ) : (
        <ul aria-label="Declared commands">
          {request.commands.map((command) => (
            <li key={command}>
              <code>
                <DeviceText value={command} />
              </code>
              {added.has(command) ? <strong> new</strong> : null}
              {ADMIN_NODE_COMMANDS.includes(command)
                ? " — runs programs, reads files or drives a browser on the node's host"
                : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <DeviceText value={`Approving needs ${needWords}${lacks}.`} sentence />
      </p>
      <div className="request-actions">
        <button type="button" className="primary" onClick={props.onApprove}>
          Approve
        </button>
        <button type="button" onClick={props.onReject}>
          Reject
        </button>
      </div>
    </article>
  );
}
