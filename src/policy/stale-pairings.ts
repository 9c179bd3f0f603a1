import type { PairedDevice } from "../protocol";

// Duplicate pairings of one device, grouped as the real Control UI groups them
// (docs/real-gateway-admin-and-nodes.md §9): by reported name, else client and mode. Connected
// first, then the most recently seen; the first is the device, the rest its older pairings.

type Pairing = Pick<
  PairedDevice,
  | "deviceId"
  | "displayName"
  | "clientId"
  | "clientMode"
  | "connected"
  | "lastSeenAtMs"
  | "approvedAtMs"
  | "approvedVia"
>;

export type PairingGroup<T extends Pairing> = { primary: T; older: T[] };

/** How the gateway records an approval it made itself, without an owner. */
const AUTO_APPROVALS: ReadonlySet<string> = new Set(["silent", "trusted-cidr", "ssh-verified"]);

function groupKey(device: Pairing): string {
  const name = device.displayName?.trim().toLowerCase();
  if (name) return `name:${name}`;
  const client = device.clientId?.trim().toLowerCase() ?? "";
  const mode = device.clientMode?.trim().toLowerCase() ?? "";
  return client || mode ? `client:${client}:${mode}` : `id:${device.deviceId}`;
}

const seenAt = (device: Pairing) => device.lastSeenAtMs ?? device.approvedAtMs ?? 0;

function newestFirst(a: Pairing, b: Pairing): number {
  if (Boolean(a.connected) !== Boolean(b.connected)) return a.connected ? -1 : 1;
  return seenAt(b) - seenAt(a) || a.deviceId.localeCompare(b.deviceId);
}

/** The groups that hold more than one pairing. */
export function duplicatePairings<T extends Pairing>(devices: readonly T[]): PairingGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const device of devices) {
    const key = groupKey(device);
    const members = groups.get(key);
    if (members) members.push(device);
    else groups.set(key, [device]);
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
export function stalePairings<T extends Pairing>(groups: readonly PairingGroup<T>[]): T[] {
  return groups.flatMap((group) =>
    group.older.filter((d) => !d.connected && AUTO_APPROVALS.has(d.approvedVia ?? "")),
  );
}
