import { PAIRING_REQUEST_TTL_MS, type PairedDevice, type PendingRequest } from "../../src/protocol";
import type { PersistedState, StateStore, StoredPairedDevice, StoredPendingRequest } from "./types";

// The gateway's durable state (pending requests and paired devices) and its persistence.
// Saves are chained so two can never interleave, and `flush` waits for the last one.

export class GatewayState {
  readonly pending = new Map<string, StoredPendingRequest>();
  readonly paired = new Map<string, StoredPairedDevice>();
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: StateStore,
    private readonly now: () => number,
  ) {}

  async load(): Promise<void> {
    const loaded = await this.store.load();
    this.pending.clear();
    this.paired.clear();
    for (const request of loaded?.pending ?? []) this.pending.set(request.requestId, request);
    for (const device of loaded?.paired ?? []) this.paired.set(device.deviceId, device);
  }

  /**
   * Drops requests whose last refresh is older than the TTL. Done lazily on every access, as
   * the real gateway prunes on load; an expired request simply disappears (no event).
   */
  pruneExpired(): void {
    const cutoff = this.now() - PAIRING_REQUEST_TTL_MS;
    for (const [requestId, request] of this.pending) {
      if (request.refreshedAtMs <= cutoff) this.pending.delete(requestId);
    }
  }

  livePending(requestId: string): StoredPendingRequest | undefined {
    this.pruneExpired();
    return this.pending.get(requestId);
  }

  pendingForDevice(deviceId: string): StoredPendingRequest | undefined {
    this.pruneExpired();
    for (const request of this.pending.values()) if (request.deviceId === deviceId) return request;
    return undefined;
  }

  snapshot(): PersistedState {
    return {
      pending: [...this.pending.values()].map((request) => structuredClone(request)),
      paired: [...this.paired.values()].map((device) => structuredClone(device)),
    };
  }

  /** Queues a save of the current state; returns when that save is done. */
  persist(): Promise<void> {
    const state = this.snapshot();
    // A failed save is reported and must not block later ones (callers do not await it).
    this.saving = this.saving
      .then(() => this.store.save(state))
      .catch((error: unknown) => console.error("mock gateway: save failed", error));
    return this.saving;
  }

  flush(): Promise<void> {
    return this.saving;
  }
}

/** The wire form of a pending request: the bookkeeping fields stay inside the gateway. */
export function toWirePending(request: StoredPendingRequest): PendingRequest {
  const { refreshedAtMs: _refreshed, reason: _reason, ...wire } = request;
  return structuredClone(wire);
}

/** The wire form of a paired device: token summaries only (sorted by role), never secrets. */
export function toWirePaired(device: StoredPairedDevice, connected?: boolean): PairedDevice {
  const {
    tokenSecrets: _secrets,
    approvedScopes: _approved,
    label: _legacyLabel,
    ...wire
  } = device;
  const copy = structuredClone(wire);
  if (copy.tokens) copy.tokens.sort((a, b) => a.role.localeCompare(b.role));
  return connected === undefined ? copy : { ...copy, connected };
}
