import { METHODS } from "../../../src/protocol";
import type { NodeSurfaceRecord } from "../node-surface";
import { deniesOtherDevice } from "./management-authz";
import { checkParams, invalid } from "./params";
import type { MethodHandler } from "./types";

// node.rename (docs/real-gateway-admin-and-nodes.md §7): names a node with an approved surface.
// A non-admin device-token caller may rename only its own node; the gateway sends no event.

export const nodeRenameHandlers: Record<string, MethodHandler> = {
  [METHODS.nodeRename]: ({ ctx, method, params, session }) => {
    const read = checkParams(method, params);
    if (!read.ok) return read.result;
    const nodeId = read.values.nodeId as string;
    if (deniesOtherDevice(session, nodeId)) return invalid("node rename denied");
    const displayName = (read.values.displayName as string).trim();
    if (!displayName) return invalid("displayName required");
    const device = ctx.state.paired.get(nodeId) as NodeSurfaceRecord | undefined;
    if (!device?.nodeSurface) return invalid("unknown nodeId");
    device.nodeSurface.displayName = displayName;
    void ctx.state.persist();
    return { ok: true, payload: { nodeId, displayName } };
  },
};
