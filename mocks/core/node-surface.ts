import type { Clock } from "./pairing";
import type { StoredPairedDevice } from "./types";

// The first sign of node pairing (node.pair.*, not modelled further here): a device that says
// hello as a node, while no command surface of it was approved, gets a pending command surface
// on its paired record, as the real gateway records it (listed by device.pair.list).

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

export type NodeSurfaceRecord = StoredPairedDevice & {
  nodeSurface?: unknown;
  pendingNodeSurface?: PendingNodeSurface;
};

/** Approved without an owner (silently, or by a trusted path): its surface request is silent. */
const NON_INTERACTIVE = new Set(["silent", "ssh-verified", "bootstrap"]);

/** Creates or refreshes the device's pending command surface (a node that declares none). */
export function requestNodeSurface(
  device: NodeSurfaceRecord,
  clock: Clock,
  client: { displayName?: string; platform?: string; version?: string; deviceFamily?: string },
  remoteIp: string | undefined,
): void {
  if (device.nodeSurface) return;
  const now = clock.now();
  const silent = NON_INTERACTIVE.has(device.approvedVia ?? "");
  const existing = device.pendingNodeSurface;
  const surface: PendingNodeSurface = existing
    ? {
        ...existing,
        revision: clock.randomId(),
        silent: Boolean(existing.silent && silent),
        ts: now,
      }
    : { requestId: clock.randomId(), revision: clock.randomId(), caps: [], commands: [], ts: now };
  const fields = { ...client, remoteIp };
  for (const [key, value] of Object.entries(fields) as [
    keyof typeof fields,
    string | undefined,
  ][]) {
    if (value !== undefined) surface[key] = value;
  }
  if (!existing && silent) surface.silent = true;
  device.pendingNodeSurface = surface;
}
