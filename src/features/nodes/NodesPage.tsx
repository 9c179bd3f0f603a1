import { useState } from "react";
import { usePairList } from "../../api/pair-list";
import { useNodeAction, type NodeAction } from "../../api/node-actions";
import { useNodePairList } from "../../api/node-pairs";
import { useGatewayConnection } from "../../gateway/context";
import { readGatewayError, type GatewayErrorInfo } from "../../gateway/gateway-errors";
import { deviceName, shortDeviceId } from "../../policy";
import { ROLES, type PairedNode, type WireText } from "../../protocol";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { useNow } from "../../ui/clock";
import { shownText } from "../../ui/display-text";
import { DeviceText } from "../../ui/DeviceText";
import { ElevationDialog } from "../../ui/ElevationDialog";
import { formatAgo } from "../../ui/relative-time";
import { RenameDialog } from "../../ui/RenameDialog";
import { NodeRequests } from "./NodeRequests";
import { SetupCodes } from "./SetupCodes";

// Node capability pairing: device pairing lets a node connect, this lets it offer commands.

type Dialog =
  | { kind: "elevate"; missing: string[] }
  | { kind: "remove"; node: PairedNode; mixed: boolean }
  | { kind: "rename"; node: PairedNode };

const VERBS = { approve: "Approved", reject: "Rejected", remove: "Removed", rename: "Renamed" };

export function NodesPage() {
  const query = useNodePairList();
  const devices = usePairList().data?.paired;
  const connection = useGatewayConnection();
  const now = useNow(30_000);
  const [dialog, setDialog] = useState<Dialog>();
  const [said, setSaid] = useState<WireText>("");
  const act = useNodeAction((action: NodeAction, problem?: GatewayErrorInfo) =>
    setSaid(
      problem
        ? `The gateway refused: ${problem.message}`
        : `${VERBS[action.type]} node “${action.name}”${action.displayName ? ` to “${action.displayName}”` : ""}.`,
    ),
  );
  const list = query.data;
  const deviceOf = (nodeId: string) => devices?.find((d) => d.deviceId === nodeId);
  // The node's own name, else its device's (a paired entry carries one only once renamed).
  const nameOf = (item: { displayName?: WireText; nodeId: string }): WireText => {
    const device = deviceOf(item.nodeId);
    return item.displayName || (device ? deviceName(device) : shortDeviceId(item.nodeId));
  };
  const askRemove = (node: PairedNode) => {
    const mixed = deviceOf(node.nodeId)?.roles.some((r) => r !== ROLES.node) ?? false;
    setDialog({ kind: "remove", node, mixed });
  };
  const run = (
    type: NodeAction["type"],
    item: NodeAction["item"],
    done?: Parameters<typeof act>[1],
  ) => act({ type, item, name: nameOf(item) }, done);
  return (
    <section aria-labelledby="nodes-heading">
      <h2 id="nodes-heading">Node requests</h2>
      <p>
        A node connects once its device is paired; it may offer the commands it declares only once
        they are approved here. Node requests do not expire.
      </p>
      <p role="status">
        <DeviceText value={said} sentence />
      </p>
      {query.isError ? (
        <p role="alert">
          Could not read the node requests:{" "}
          <DeviceText value={readGatewayError(query.error).message} sentence />
        </p>
      ) : null}
      {!list ? (
        <p>{query.isError ? "" : "Loading…"}</p>
      ) : (
        <>
          <NodeRequests
            pending={list.pending}
            paired={list.paired}
            held={connection.scopes}
            nameOf={nameOf}
            run={run}
            onElevate={(missing) => setDialog({ kind: "elevate", missing })}
            onSaid={setSaid}
          />
          <h3>Approved nodes</h3>
          {list.paired.length === 0 ? <p>No node has approved commands.</p> : null}
          <ul aria-label="Approved nodes">
            {list.paired.map((node) => (
              <li key={node.nodeId}>
                <strong>
                  <DeviceText value={nameOf(node)} />
                </strong>
                {node.approvedAtMs ? ` · approved ${formatAgo(node.approvedAtMs, now)}` : null}
                {deviceOf(node.nodeId)?.connected ? " · its device is connected now" : null}
                <DeviceText
                  value={` · commands: ${node.commands.join(", ") || "none"} `}
                  sentence
                />
                <button type="button" onClick={() => setDialog({ kind: "rename", node })}>
                  Rename
                </button>
                <button type="button" onClick={() => askRemove(node)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Setup codes</h3>
      <SetupCodes onElevate={(missing) => setDialog({ kind: "elevate", missing })} />
      {dialog?.kind === "elevate" ? (
        <ElevationDialog
          title={`Reconnect with ${dialog.missing.join(", ")}?`}
          scopes={dialog.missing}
          onCancel={() => setDialog(undefined)}
          onConfirm={() => {
            connection.requestScopes(dialog.missing);
            setDialog(undefined);
          }}
        />
      ) : null}
      {dialog?.kind === "rename" ? (
        <RenameDialog
          name={nameOf(dialog.node)}
          hint="The gateway keeps this as the node's name; its device pairing keeps its own name."
          onCancel={() => setDialog(undefined)}
          onSave={(displayName) => {
            act({ type: "rename", item: dialog.node, name: nameOf(dialog.node), displayName });
            setDialog(undefined);
          }}
        />
      ) : null}
      {dialog?.kind === "remove" ? (
        <ConfirmDialog
          title={`Remove node “${shownText(nameOf(dialog.node))}”?`}
          confirmLabel="Remove node"
          tone="danger"
          onCancel={() => setDialog(undefined)}
          onConfirm={() => {
            run("remove", dialog.node);
            setDialog(undefined);
          }}
        >
          <p>
            Its approved commands are forgotten and its node connections are closed.{" "}
            {dialog.mixed
              ? "This device also holds the operator role: it stays paired as an operator, with its operator token."
              : "Its device pairing is removed too; to come back it must be paired again."}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
