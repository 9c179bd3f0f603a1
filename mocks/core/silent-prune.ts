import type { CoreContext } from "./context";
import { clusterKey } from "./paired-table";

// After a silent approval the real gateway retires older silent pairings of the same client
// (same client id, mode and display name): a local tool run from a fresh state folder mints a
// new device each time, and the list would grow without end. Devices approved in the last
// minute, and devices with an open socket, are spared; nothing is announced.

const GRACE_MS = 60_000;

/** Removes the silent siblings `deviceId`'s silent approval supersedes; returns their ids. */
export function pruneSupersededSilentPairings(ctx: CoreContext, deviceId: string): string[] {
  const anchor = ctx.state.paired.get(deviceId);
  const key = anchor?.approvedVia === "silent" ? clusterKey(anchor) : undefined;
  if (!key) return [];
  const now = ctx.clock.now();
  const removed: string[] = [];
  for (const device of ctx.state.paired.withClusterKey(key)) {
    if (device.approvedVia !== "silent" || device.deviceId === deviceId) continue;
    if (now - (device.approvedAtMs ?? now) < GRACE_MS) continue;
    if (!ctx.isDeviceConnected(device.deviceId)) removed.push(device.deviceId);
  }
  for (const id of removed) {
    ctx.state.paired.delete(id);
    ctx.state.pending.deleteDevice(id);
  }
  return removed;
}
