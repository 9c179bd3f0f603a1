import { PAIRING_REQUEST_TTL_MS, type PairedDevice, type PendingRequest } from "../../src/protocol";
import { BatchedWriter } from "./batched-writer";
import { copyJson, copyJsonWithout } from "./json-copy";
import { PairedTable } from "./paired-table";
import { PendingTable } from "./pending-table";
import type { PersistedState, StateStore, StoredPairedDevice, StoredPendingRequest } from "./types";

// The gateway's durable state (pending requests and paired devices) and its persistence.
// Pending requests are indexed by requestId and deviceId (PendingTable), so a connect costs
// the same with 10 or 10,000 waiting. Saves are batched: one write per turn of the event loop
// at most, never two at once, and `flush` writes what is waiting (shutdown, restart, tests).

export class GatewayState {
  readonly pending = new PendingTable();
  readonly paired = new PairedTable();
  private readonly writer: BatchedWriter;

  constructor(
    private readonly store: StateStore,
    private readonly now: () => number,
  ) {
    // A failed save is reported and must not block later ones (callers do not await it).
    this.writer = new BatchedWriter(
      () => this.store.save(this.snapshot()),
      (error: unknown) => console.error("mock gateway: save failed", error),
    );
  }

  async load(): Promise<void> {
    const loaded = await this.store.load();
    this.pending.clear();
    this.paired.clear();
    for (const request of loaded?.pending ?? []) this.pending.set(request);
    for (const device of loaded?.paired ?? []) this.paired.set(device.deviceId, device);
  }

  /**
   * Drops requests whose last refresh is older than the TTL. Done lazily on every access, as
   * the real gateway prunes on load; an expired request simply disappears (no event).
   */
  pruneExpired(): void {
    this.pending.pruneExpired(this.now() - PAIRING_REQUEST_TTL_MS);
  }

  livePending(requestId: string): StoredPendingRequest | undefined {
    this.pruneExpired();
    return this.pending.get(requestId);
  }

  /** The device's live requests, oldest added first. */
  pendingOfDevice(deviceId: string): StoredPendingRequest[] {
    this.pruneExpired();
    return this.pending.ofDevice(deviceId);
  }

  snapshot(): PersistedState {
    return {
      pending: [...this.pending.values()].map(copyJson),
      paired: [...this.paired.values()].map(copyJson),
    };
  }

  /**
   * Asks for a save; changes made in the same turn share it. Resolves once a save holding
   * this change is done; never rejects.
   */
  persist(): Promise<void> {
    return this.writer.request();
  }

  /** Writes anything not yet saved and waits for it. */
  flush(): Promise<void> {
    return this.writer.flush();
  }
}

const PENDING_BOOKKEEPING = ["refreshedAtMs", "reason"] as const;
/** Token secrets, the gateway's own approval field and the legacy `label` are never listed. */
const PAIRED_INTERNAL = ["tokenSecrets", "approvedScopes", "label"] as const;

/** The wire form of a pending request: the bookkeeping fields stay inside the gateway. */
export function toWirePending(request: StoredPendingRequest): PendingRequest {
  return copyJsonWithout(request, PENDING_BOOKKEEPING);
}

/** The wire form of a paired device: token summaries only (sorted by role), never secrets. */
export function toWirePaired(device: StoredPairedDevice, connected?: boolean): PairedDevice {
  const copy: PairedDevice = copyJsonWithout(device, PAIRED_INTERNAL);
  if (copy.tokens) copy.tokens.sort((a, b) => a.role.localeCompare(b.role));
  if (connected !== undefined) copy.connected = connected;
  return copy;
}
