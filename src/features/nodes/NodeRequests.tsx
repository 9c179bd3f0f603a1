import { useEffect, useState } from "react";
import { readGatewayError, type GatewayErrorInfo } from "../../gateway/gateway-errors";
import { ADMIN_NODE_COMMANDS, scopesToAdd } from "../../policy";
import type { NodeRequest, PairedNode, WireText } from "../../protocol";
import { BulkBar } from "../../ui/BulkBar";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { shownText } from "../../ui/display-text";
import { SHORTCUTS, ShortcutsHelpDialog } from "../../ui/ShortcutsHelpDialog";
import { useActiveRow } from "../../ui/use-active-row";
import { useShortcuts } from "../../ui/use-shortcuts";
import { missingToApprove, NodeRequestCard } from "./NodeRequestCard";

// Rejecting keeps a node's earlier surface: only approving host-control commands is confirmed.

type Decide = "approve" | "reject";
type Props = {
  pending: NodeRequest[];
  paired: PairedNode[];
  held: readonly string[];
  nameOf: (item: NodeRequest) => WireText;
  run: (
    type: Decide,
    item: NodeRequest,
    done?: { onSettled: (_: unknown, e: unknown) => void },
  ) => void;
  onElevate: (missing: string[]) => void;
  onSaid: (text: string) => void;
};

const idOf = (request: NodeRequest) => request.requestId;
const plural = (n: number) => `${n} node request${n === 1 ? "" : "s"}`;
const NODE_SHORTCUTS = SHORTCUTS.filter(([keys]) => keys !== "Enter");

export function NodeRequests({ pending, paired, held, nameOf, run, onElevate, onSaid }: Props) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [confirm, setConfirm] = useState<NodeRequest[]>();
  const [helpOpen, setHelpOpen] = useState(false);
  const row = useActiveRow(pending, idOf);
  const chosen = pending.filter((request) => picked.has(request.requestId));
  const toggle = (id: string) =>
    setPicked((was) => new Set(was.has(id) ? [...was].filter((x) => x !== id) : [...was, id]));
  // Never a doomed approve: a scope some request needs is asked for first, as for devices.
  const approve = (requests: NodeRequest[], bulk: boolean) => {
    const needed = requests.flatMap((r) => missingToApprove(r, held));
    const missing = scopesToAdd([], needed);
    if (missing.length > 0) onElevate(missing);
    else if (!bulk) run("approve", requests[0]!);
    else if (requests.some((r) => r.commands.some((c) => ADMIN_NODE_COMMANDS.includes(c))))
      setConfirm(requests);
    else void decideAll("approve", requests);
  };
  const decideAll = async (type: Decide, requests: NodeRequest[]) => {
    setConfirm(undefined);
    setPicked(new Set());
    const failed: string[] = [];
    for (const request of requests) {
      const problem = await new Promise<GatewayErrorInfo | undefined>((resolve) =>
        run(type, request, { onSettled: (_, e) => resolve(e ? readGatewayError(e) : undefined) }),
      );
      if (problem) failed.push(`“${shownText(nameOf(request))}” (${problem.message})`);
    }
    const done = `${type === "approve" ? "Approved" : "Rejected"} ${requests.length - failed.length} of ${plural(requests.length)}.`;
    onSaid(failed.length ? `${done} The gateway refused ${failed.join(", ")}.` : done);
  };
  useEffect(() => {
    const id = row.current && idOf(row.current);
    if (row.focusNonce && id)
      document.querySelector<HTMLElement>(`[data-request-id="${CSS.escape(id)}"]`)?.focus();
    // Only a keyboard move (the nonce) moves focus, not every list update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [row.focusNonce]);
  const current = row.current;
  useShortcuts(pending.length > 0, {
    move: row.move,
    approve: () => current && approve([current], false),
    reject: () => current && run("reject", current),
    toggle: () => current && toggle(current.requestId),
    help: () => setHelpOpen(true),
  });
  if (pending.length === 0) return <p>No node is waiting for approval.</p>;
  return (
    <>
      <button type="button" className="link" onClick={() => setHelpOpen(true)}>
        Keyboard shortcuts
      </button>
      <BulkBar
        shownCount={pending.length}
        selectedShown={chosen.length}
        selectedHidden={0}
        onSelectAllShown={(all) => setPicked(new Set(all ? pending.map(idOf) : []))}
        onApprove={() => approve(chosen, true)}
        onReject={() => void decideAll("reject", chosen)}
        onClear={() => setPicked(new Set())}
      />
      <ul className="request-list" aria-label="Pending node requests">
        {pending.map((request) => (
          <li key={request.requestId}>
            <NodeRequestCard
              request={request}
              name={nameOf(request)}
              approved={paired.find((node) => node.nodeId === request.nodeId)?.commands}
              held={held}
              selected={picked.has(request.requestId)}
              active={current === request}
              onToggle={() => toggle(request.requestId)}
              onActivate={() => row.setActiveId(request.requestId)}
              onApprove={() => approve([request], false)}
              onReject={() => run("reject", request)}
            />
          </li>
        ))}
      </ul>
      {confirm ? (
        <ConfirmDialog
          title={`Approve ${plural(confirm.length)}?`}
          confirmLabel={`Approve ${confirm.length}`}
          tone="danger"
          onCancel={() => setConfirm(undefined)}
          onConfirm={() => void decideAll("approve", confirm)}
        >
          <p>
            {`${confirm.map((r) => `“${shownText(nameOf(r))}”`).join(", ")}: some declare commands that run programs, read files or drive a browser on their host.`}
          </p>
        </ConfirmDialog>
      ) : null}
      {helpOpen ? (
        <ShortcutsHelpDialog shortcuts={NODE_SHORTCUTS} onClose={() => setHelpOpen(false)} />
      ) : null}
    </>
  );
}
