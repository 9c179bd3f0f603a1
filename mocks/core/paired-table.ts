import type { StoredPairedDevice } from "./types";

// The gateway's paired devices by deviceId, with an index by cluster key (client id, mode and
// display name) for the silent prune. It is a Map so callers read it as one; every write goes
// through set, delete or clear, and a record whose name changes in place is set again.

type ClusterFields = { clientId?: string; clientMode?: string; displayName?: string };

/** Devices with the same key are one local tool seen from fresh state folders. */
export function clusterKey(device: ClusterFields): string | undefined {
  const parts = [device.clientId, device.clientMode, device.displayName].map(
    (part) => part?.trim().toLowerCase() ?? "",
  );
  return parts.every((part) => part === "") ? undefined : parts.join("\0");
}

export class PairedTable extends Map<string, StoredPairedDevice> {
  private readonly keyOfId = new Map<string, string>();
  private readonly idsOfKey = new Map<string, Set<string>>();

  override set(deviceId: string, device: StoredPairedDevice): this {
    super.set(deviceId, device);
    this.unindex(deviceId);
    const key = clusterKey(device);
    if (key === undefined) return this;
    this.keyOfId.set(deviceId, key);
    const ids = this.idsOfKey.get(key);
    if (ids) ids.add(deviceId);
    else this.idsOfKey.set(key, new Set([deviceId]));
    return this;
  }

  override delete(deviceId: string): boolean {
    this.unindex(deviceId);
    return super.delete(deviceId);
  }

  override clear(): void {
    this.keyOfId.clear();
    this.idsOfKey.clear();
    super.clear();
  }

  /** The devices whose cluster key is `key`. */
  withClusterKey(key: string): StoredPairedDevice[] {
    const ids = this.idsOfKey.get(key) ?? [];
    return [...ids].flatMap((id) => this.get(id) ?? []);
  }

  private unindex(deviceId: string): void {
    const key = this.keyOfId.get(deviceId);
    if (key === undefined) return;
    this.keyOfId.delete(deviceId);
    const ids = this.idsOfKey.get(key);
    ids?.delete(deviceId);
    if (ids?.size === 0) this.idsOfKey.delete(key);
  }
}
