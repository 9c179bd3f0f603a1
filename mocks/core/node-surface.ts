import { DECISIONS, EVENTS } from "../../src/protocol";
import { nodeApproveScopes } from "../../src/policy";
import type { PairEvent } from "./admission-pairing";
import { allowedNodeCommands } from "./node-allowlist";
import type { Clock } from "./pairing";
import type { StoredPairedDevice } from "./types";

// Node capability pairing (docs/real-gateway-admin-and-nodes.md §7): a device that says hello
// as a node asks for its declared command surface. An unchanged reconnect reuses the request,
// a changed one supersedes it, and a surface within the approved one needs nothing.

export type PendingNodeSurface = {
  requestId: string;
  revision: string;
  displayName?: string;
  platform?: string;
  version?: string;
  deviceFamily?: string;
  caps: string[];
  commands: string[];
  remoteIp?: string;
  silent?: boolean;
  ts: number;
};

export type ApprovedNodeSurface = {
  version?: string;
  caps: string[];
  commands: string[];
  createdAtMs: number;
  approvedAtMs: number;
  lastConnectedAtMs?: number;
  displayName?: string;
};

export type NodeSurfaceRecord = StoredPairedDevice & {
  nodeSurface?: ApprovedNodeSurface;
  pendingNodeSurface?: PendingNodeSurface;
};

type NodeClient = {
  displayName?: string;
  platform?: string;
  version?: string;
  deviceFamily?: string;
};

/** Approved without an owner (silently, or by a trusted path): its surface request is silent. */
const NON_INTERACTIVE = new Set(["silent", "ssh-verified", "bootstrap"]);

const unique = (items: readonly string[]) => [...new Set(items)];
const within = (items: readonly string[], of: readonly string[]) =>
  items.every((item) => of.includes(item));
const same = (a: readonly string[], b: readonly string[]) => within(a, b) && within(b, a);

/** The node.pair.list / node.pair.requested form of a device's pending surface. */
export function toWireNodeRequest(device: NodeSurfaceRecord, surface: PendingNodeSurface) {
  const { revision: _revision, remoteIp: _remoteIp, ...shown } = surface;
  return {
    ...shown,
    nodeId: device.deviceId,
    clientId: device.clientId,
    clientMode: device.clientMode,
    requiredApproveScopes: nodeApproveScopes(surface.commands),
  };
}

/** Files, refreshes or supersedes the device's node request; returns the events to send. */
export function requestNodeSurface(
  device: NodeSurfaceRecord,
  clock: Clock,
  client: NodeClient,
  remoteIp: string | undefined,
  declared: { caps: readonly string[]; commands: readonly string[] },
): PairEvent[] {
  const caps = unique(declared.caps);
  const commands = allowedNodeCommands(client.platform, client.deviceFamily, declared.commands);
  const approved = device.nodeSurface;
  if (approved && within(caps, approved.caps) && within(commands, approved.commands)) return [];
  const now = clock.now();
  const existing = device.pendingNodeSurface;
  const fields = { ...client, remoteIp };
  if (existing && same(existing.caps, caps) && same(existing.commands, commands)) {
    existing.ts = now;
    existing.revision = clock.randomId();
    return [];
  }
  const surface: PendingNodeSurface = {
    requestId: clock.randomId(),
    revision: clock.randomId(),
    caps,
    commands,
    ts: now,
  };
  for (const [key, value] of Object.entries(fields) as [
    keyof typeof fields,
    string | undefined,
  ][]) {
    if (value !== undefined) surface[key] = value;
  }
  if (!approved && NON_INTERACTIVE.has(device.approvedVia ?? "")) surface.silent = true;
  device.pendingNodeSurface = surface;
  const events: PairEvent[] = [];
  if (existing)
    events.push(nodeResolved(existing.requestId, device.deviceId, DECISIONS.rejected, now));
  events.push({ event: EVENTS.nodePairRequested, payload: toWireNodeRequest(device, surface) });
  return events;
}

export function nodeResolved(
  requestId: string,
  nodeId: string,
  decision: string,
  ts: number,
): PairEvent {
  return { event: EVENTS.nodePairResolved, payload: { requestId, nodeId, decision, ts } };
}

type Presence = { lastConnectedAtMs?: number; lastDisconnectedAtMs?: number };
const presence = new WeakMap<object, Map<string, Presence>>();

/** When a node's socket last said hello and last closed, as node.pair.list reports them. */
export function noteNodePresence(state: object, deviceId: string, key: keyof Presence, at: number) {
  const byDevice = presence.get(state) ?? new Map<string, Presence>();
  presence.set(state, byDevice);
  byDevice.set(deviceId, { ...byDevice.get(deviceId), [key]: at });
}

export function nodePresence(state: object, deviceId: string): Presence {
  return presence.get(state)?.get(deviceId) ?? {};
}
