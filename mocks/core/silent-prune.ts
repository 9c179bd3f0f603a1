import type { CoreContext } from "./context";

// After a silent approval the real gateway retires older silent pairings of the same client
// (same client id, mode and display name): a local tool run from a fresh state folder mints a
// new device each time, and the list would grow without end. Devices approved in the last
// minute, and devices with an open socket, are spared; nothing is announced.

const GRACE_MS = 60_000;

function clusterKey(device: { clientId?: string; clientMode?: string; displayName?: string }) {
  const parts = [device.clientId, device.clientMode, device.displayName].map(
    (part) => part?.trim().toLowerCase() ?? "",
  );
  return parts.every((part) => part === "") ? undefined : parts.join("\0");
}

/** Removes the silent siblings `deviceId`'s silent approval supersedes; returns their ids. */
export function pruneSupersededSilentPairings(ctx: CoreContext, deviceId: string): string[] {
  const anchor = ctx.state.paired.get(deviceId);
  const key = anchor?.approvedVia === "silent" ? clusterKey(anchor) : undefined;
  if (!key) return [];
  const now = ctx.clock.now();
  const removed = [...ctx.state.paired.values()].filter(
    (device) =>
      device.deviceId !== deviceId &&
      device.approvedVia === "silent" &&
      clusterKey(device) === key &&
      now - (device.approvedAtMs ?? now) >= GRACE_MS &&
      !ctx.isDeviceConnected(device.deviceId),
  );
  for (const device of removed) {
    ctx.state.paired.delete(device.deviceId);
    ctx.state.pending.deleteDevice(device.deviceId);
  }
  return removed.map((device) => device.deviceId);
}
