import type { PairedDevice } from "../protocol";

// Duplicate pairings of one device, grouped as the Control UI does (docs/real-gateway-admin-and-
// nodes.md §9); in a group the connected, then most recently seen, one is the device.

export type PairingGroup = { primary: PairedDevice; older: PairedDevice[] };

/** How the gateway records an approval it made itself, without an owner. */
const AUTO_APPROVALS: ReadonlySet<string> = new Set(["silent", "trusted-cidr", "ssh-verified"]);

function groupKey({ displayName, clientId, clientMode, deviceId }: PairedDevice): string {
  const name = displayName?.trim().toLowerCase();
  const client = `${clientId?.trim() ?? ""}:${clientMode?.trim() ?? ""}`.toLowerCase();
  return name ? `name:${name}` : client !== ":" ? `client:${client}` : `id:${deviceId}`;
}

const seenAt = (device: PairedDevice) => device.lastSeenAtMs ?? device.approvedAtMs ?? 0;

function newestFirst(a: PairedDevice, b: PairedDevice): number {
  if (Boolean(a.connected) !== Boolean(b.connected)) return a.connected ? -1 : 1;
  return seenAt(b) - seenAt(a) || a.deviceId.localeCompare(b.deviceId);
}

/** The groups that hold more than one pairing. */
export function duplicatePairings(devices: readonly PairedDevice[]): PairingGroup[] {
  const groups = new Map<string, PairedDevice[]>();
  for (const device of devices) {
    const members = groups.get(groupKey(device)) ?? [];
    members.push(device);
    groups.set(groupKey(device), members);
  }
  return [...groups.values()].flatMap((members) => {
    const [primary, ...older] = members.toSorted(newestFirst);
    return primary && older.length > 0 ? [{ primary, older }] : [];
  });
}

/** Older pairings, offline, that the gateway approved by itself (none without `approvedVia`). */
export function stalePairings(groups: readonly PairingGroup[]): PairedDevice[] {
  return groups.flatMap((group) =>
    group.older.filter((d) => !d.connected && AUTO_APPROVALS.has(d.approvedVia ?? "")),
  );
}
