import type { PairedDevice } from "../protocol";

// Duplicate pairings of one device, grouped as the real Control UI groups them
// (docs/real-gateway-admin-and-nodes.md §9): by reported name, else client and mode. Connected
// first, then the most recently seen; the first is the device, the rest its older pairings.

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

/**
 * Older pairings that are offline and that the gateway approved by itself. The Control UI also
 * offers pairings with no `approvedVia` at all; nothing says who approved those, so they stay.
 */
export function stalePairings(groups: readonly PairingGroup[]): PairedDevice[] {
  return groups.flatMap((group) =>
    group.older.filter((d) => !d.connected && AUTO_APPROVALS.has(d.approvedVia ?? "")),
  );
}
