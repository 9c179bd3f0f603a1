import type { PairedNode } from "../../protocol";
import { DeviceText } from "../../ui/DeviceText";
import { formatAgo } from "../../ui/relative-time";

// The nodes whose command surface was approved.

type Props = {
  nodes: PairedNode[];
  nameOf: (node: PairedNode) => string;
  now: number;
  onRemove: (node: PairedNode) => void;
};

export function PairedNodes({ nodes, nameOf, now, onRemove }: Props) {
  if (nodes.length === 0) return <p>No node has approved commands.</p>;
  return (
    <ul className="node-list" aria-label="Approved nodes">
      {nodes.map((node) => (
        <li key={node.nodeId}>
          <strong>
            <DeviceText value={nameOf(node)} />
          </strong>{" "}
          {node.platform ? <DeviceText value={node.platform} /> : null}
          {node.approvedAtMs ? ` · approved ${formatAgo(node.approvedAtMs, now)}` : null}
          <br />
          Commands: {node.commands.length > 0 ? node.commands.join(", ") : "none"}{" "}
          <button type="button" onClick={() => onRemove(node)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
