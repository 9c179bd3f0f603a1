import { nodeApproveScopes, missingScopes } from "../../../src/policy";
import {
  DECISIONS,
  METHODS,
  OPERATOR_SCOPES,
  ROLES,
  UNKNOWN_REQUEST_ID_MESSAGE,
} from "../../../src/protocol";
import {
  nodePresence,
  nodeResolved,
  toWireNodeRequest,
  type NodeSurfaceRecord,
} from "../node-surface";
import type { CoreContext } from "../context";
import { deniesOtherDevice, deniesRoleManagement, limitedTo } from "./management-authz";
import { checkParams, forbiddenMissingScope, invalid } from "./params";
import type { MethodCall, MethodHandler } from "./types";

// node.pair.* (docs/real-gateway-admin-and-nodes.md §7): approving needs the scopes of the
// request's most demanding command; removing takes the node role away from its device. A
// non-admin device-token caller sees and decides only its own node (./management-authz.ts).

const UNKNOWN_NODE_ID_MESSAGE = "unknown nodeId";

function nodeRecords(ctx: CoreContext): NodeSurfaceRecord[] {
  return [...ctx.state.paired.values()] as NodeSurfaceRecord[];
}

/** `state` adds when its node last connected: node.pair.list says so, approve's answer does not. */
function toWirePairedNode(device: NodeSurfaceRecord, state?: object) {
  const surface = device.nodeSurface;
  if (!surface) return undefined;
  const { deviceId, clientId, clientMode, platform, deviceFamily } = device;
  const { lastSeenAtMs, lastSeenReason } = device;
  return {
    nodeId: deviceId,
    ...(surface.displayName === undefined ? {} : { displayName: surface.displayName }),
    ...{ clientId, clientMode, platform, version: surface.version, deviceFamily },
    caps: [...surface.caps],
    commands: [...surface.commands],
    createdAtMs: surface.createdAtMs,
    approvedAtMs: surface.approvedAtMs,
    ...{ lastSeenAtMs, lastSeenReason },
    ...(state ? nodePresence(state, deviceId) : {}),
  };
}

/** The node session whose own connect filed the request hears its approval (observed). */
function sendToNode(ctx: CoreContext, requestId: string, event: string, payload: unknown) {
  for (const connection of ctx.connections.values()) {
    if (connection.nodeRequestId !== requestId || connection.session?.role !== ROLES.node) continue;
    ctx.sendEvent(connection, event, payload);
  }
}

function pendingFor(ctx: CoreContext, requestId: string) {
  return nodeRecords(ctx).find((device) => device.pendingNodeSurface?.requestId === requestId);
}

function decide(approve: boolean) {
  return ({ ctx, method, params, session }: MethodCall) => {
    const read = checkParams(method, params);
    if (!read.ok) return read.result;
    const requestId = read.values.requestId as string;
    const device = pendingFor(ctx, requestId);
    const surface = device?.pendingNodeSurface;
    // Ownership is checked before the lookup's answer, so a limited caller learns nothing.
    const limited = limitedTo(session) !== undefined;
    if (device ? deniesOtherDevice(session, device.deviceId) : limited) {
      return invalid(`node pairing ${approve ? "approval" : "rejection"} denied`);
    }
    if (!device || !surface) return invalid(UNKNOWN_REQUEST_ID_MESSAGE);
    const now = ctx.clock.now();
    if (approve) {
      const required = nodeApproveScopes(surface.commands);
      const [missing] = session.scopes.includes(OPERATOR_SCOPES.admin)
        ? []
        : missingScopes(session.scopes, required);
      if (missing) return forbiddenMissingScope(missing, required);
      device.nodeSurface = {
        version: surface.version,
        caps: [...surface.caps],
        commands: [...surface.commands],
        createdAtMs: device.nodeSurface?.createdAtMs ?? now,
        approvedAtMs: now,
        ...(device.nodeSurface?.displayName === undefined
          ? {}
          : { displayName: device.nodeSurface.displayName }),
      };
    }
    delete device.pendingNodeSurface;
    void ctx.state.persist();
    const decision = approve ? DECISIONS.approved : DECISIONS.rejected;
    const { event, payload } = nodeResolved(requestId, device.deviceId, decision, now);
    if (approve) sendToNode(ctx, requestId, event, payload);
    ctx.broadcastPairingEvent(event, payload);
    const answer = approve
      ? { requestId, node: toWirePairedNode(device) }
      : { requestId, nodeId: device.deviceId };
    return { ok: true as const, payload: answer };
  };
}

export const nodePairHandlers: Record<string, MethodHandler> = {
  [METHODS.nodePairList]: ({ ctx, method, params, session }) => {
    const read = checkParams(method, params);
    if (!read.ok) return read.result;
    const own = limitedTo(session);
    const records = nodeRecords(ctx).filter(
      (device) => own === undefined || device.deviceId === own,
    );
    const pending = records.flatMap((device) =>
      device.pendingNodeSurface ? [toWireNodeRequest(device, device.pendingNodeSurface)] : [],
    );
    const paired = records.flatMap((device) => toWirePairedNode(device, ctx.state) ?? []);
    return { ok: true, payload: { pending, paired } };
  },
  [METHODS.nodePairApprove]: decide(true),
  [METHODS.nodePairReject]: decide(false),
  [METHODS.nodePairRemove]: ({ ctx, method, params, session }) => {
    const read = checkParams(method, params);
    if (!read.ok) return read.result;
    const nodeId = (read.values.nodeId as string).trim();
    const device = ctx.state.paired.get(nodeId) as NodeSurfaceRecord | undefined;
    if (!device?.nodeSurface) return invalid(UNKNOWN_NODE_ID_MESSAGE);
    if (deniesOtherDevice(session, nodeId) || deniesRoleManagement(session, device)) {
      return invalid("node pairing removal denied");
    }
    const roles = (device.roles ?? []).filter((role) => role !== ROLES.node);
    // A node-only device goes; a mixed one keeps its row and its operator token (observed).
    if (roles.length === 0) ctx.state.paired.delete(nodeId);
    else {
      delete device.nodeSurface;
      delete device.pendingNodeSurface;
      device.roles = roles;
      if (device.role === ROLES.node) device.role = roles[0];
      device.tokens = device.tokens?.filter((token) => token.role !== ROLES.node);
      device.tokenSecrets = device.tokenSecrets.filter((secret) => secret.role !== ROLES.node);
    }
    void ctx.state.persist();
    const { event, payload } = nodeResolved("", nodeId, "removed", ctx.clock.now());
    ctx.broadcastPairingEvent(event, payload);
    return { ok: true, payload: { nodeId }, after: () => ctx.disconnectDevice(nodeId, ROLES.node) };
  },
};
