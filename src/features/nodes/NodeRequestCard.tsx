import { ADMIN_NODE_COMMANDS, addedNodeCommands, missingScopes } from "../../policy";
import { OPERATOR_SCOPES, type NodeRequest, type WireText } from "../../protocol";
import { DeviceText } from "../../ui/DeviceText";
import "../../ui/request-card.css";

// One node capability request: what it declares, what is new, and what approving needs.

type Props = {
  request: NodeRequest;
  name: WireText;
  /** The commands approved for this node before; undefined when none were. */
  approved: readonly WireText[] | undefined;
  held: readonly string[];
  onApprove: (missing: string[]) => void;
  onReject: () => void;
};

export function NodeRequestCard({ request, name, approved, held, onApprove, onReject }: Props) {
  const added = new Set(addedNodeCommands(request.commands, approved));
  const needs = request.requiredApproveScopes;
  const missing = !needs || held.includes(OPERATOR_SCOPES.admin) ? [] : missingScopes(held, needs);
  const needWords = needs ? needs.join(" + ") : "scopes this gateway does not say (unknown)";
  const lacks = missing.length > 0 ? `; this session lacks ${missing.join(", ")}` : "";
  const headingId = `node-request-${request.requestId}`;
  return (
    <article className="request-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <DeviceText value={name} />
      </h3>
      <p>
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
        <button type="button" className="primary" onClick={() => onApprove(missing)}>
          Approve
        </button>
        <button type="button" onClick={onReject}>
          Reject
        </button>
      </div>
    </article>
  );
}
