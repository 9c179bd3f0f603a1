import { OPERATOR_SCOPES, type WireText } from "../protocol";

// Node capability pairing (observed on 2026.9.6, docs/real-gateway-admin-and-nodes.md §7):
// approving a node's command surface needs the scopes its most demanding command needs.

const { pairing, write, admin } = OPERATOR_SCOPES;

/** Commands that run programs, read files or proxy a browser on the node's host. */
export const ADMIN_NODE_COMMANDS: readonly string[] = [
  "system.run",
  "system.run.prepare",
  "system.which",
  "system.execApprovals.get",
  "system.execApprovals.set",
  "fs.listDir",
  "terminal.upload",
  "browser.proxy",
  "browser.proxy.upload.v1",
];

/** The scopes `node.pair.approve` needs for a request declaring `commands`. */
export function nodeApproveScopes(commands: readonly string[]): string[] {
  if (commands.some((command) => ADMIN_NODE_COMMANDS.includes(command))) return [pairing, admin];
  return commands.length > 0 ? [pairing, write] : [pairing];
}

/** What a request asks for beyond the surface approved before (everything when none was). */
export function addedNodeCommands(
  asked: readonly string[],
  approved: readonly string[] | undefined,
): WireText[] {
  return asked.filter((command) => !approved?.includes(command));
}
