import { ExpiryHeap } from "./expiry-heap";
import type { StoredPendingRequest } from "./types";

// The gateway's pending requests, indexed by requestId and by deviceId, with an expiry heap.
// Every add, remove, refresh and expiry goes through here so the indexes cannot drift.
// Iteration keeps insertion order (a refresh does not move a request), which is the order
// `device.pair.list` falls back to for requests with the same `ts`.

/** Stale heap entries allowed beyond one per live request before the heap is rebuilt. */
const HEAP_SLACK = 64;

export class PendingTable {
  private readonly byRequestId = new Map<string, StoredPendingRequest>();
  /** Usually one request per device (a new ask supersedes the old), so a small array. */
  private readonly byDeviceId = new Map<string, StoredPendingRequest[]>();
  private readonly expiry = new ExpiryHeap();

  get size(): number {
    return this.byRequestId.size;
  }

  get(requestId: string): StoredPendingRequest | undefined {
    return this.byRequestId.get(requestId);
  }

  has(requestId: string): boolean {
    return this.byRequestId.has(requestId);
  }

  values(): IterableIterator<StoredPendingRequest> {
    return this.byRequestId.values();
  }

  /** The device's requests, oldest added first (usually one: a new ask supersedes the old). */
  ofDevice(deviceId: string): StoredPendingRequest[] {
    const requests = this.byDeviceId.get(deviceId);
    return requests ? [...requests] : [];
  }

  /** Adds a request; one with the same requestId is replaced in place (as Map.set does). */
  set(request: StoredPendingRequest): void {
    const previous = this.byRequestId.get(request.requestId);
    this.byRequestId.set(request.requestId, request);
    const requests = this.byDeviceId.get(request.deviceId) ?? [];
    const place = previous ? requests.indexOf(previous) : -1;
    // A replaced request keeps its place, as Map.set keeps a key's place.
    if (place >= 0) requests[place] = request;
    else {
      if (previous) this.unlinkDevice(previous);
      requests.push(request);
    }
    this.byDeviceId.set(request.deviceId, requests);
    this.expiry.push({ at: request.refreshedAtMs, requestId: request.requestId });
    this.compactExpiry();
  }

  delete(requestId: string): StoredPendingRequest | undefined {
    const request = this.byRequestId.get(requestId);
    if (!request) return undefined;
    this.byRequestId.delete(requestId);
    this.unlinkDevice(request);
    return request;
  }

  /** Removes every request of the device; returns them. */
  deleteDevice(deviceId: string): StoredPendingRequest[] {
    const requests = this.ofDevice(deviceId);
    for (const request of requests) this.delete(request.requestId);
    return requests;
  }

  /** Moves the request's expiry to `atMs` (a repeat connect with the same ask). */
  refresh(request: StoredPendingRequest, atMs: number): void {
    const earlier = atMs < request.refreshedAtMs;
    request.refreshedAtMs = atMs;
    // A later time needs no entry: the old one is re-queued when it comes up. An earlier one
    // (a clock that went back) must be queued now or the request would expire late.
    if (earlier && this.byRequestId.get(request.requestId) === request) {
      this.expiry.push({ at: atMs, requestId: request.requestId });
      this.compactExpiry();
    }
  }

  /** Drops requests whose last refresh is at or before `cutoffMs`; returns them. */
  pruneExpired(cutoffMs: number): StoredPendingRequest[] {
    const expired: StoredPendingRequest[] = [];
    for (let top = this.expiry.peek(); top && top.at <= cutoffMs; top = this.expiry.peek()) {
      this.expiry.pop();
      const request = this.byRequestId.get(top.requestId);
      if (!request) continue;
      if (request.refreshedAtMs <= cutoffMs) {
        this.delete(request.requestId);
        expired.push(request);
      } else {
        // Refreshed since this entry was queued: it comes up again at its new time.
        this.expiry.push({ at: request.refreshedAtMs, requestId: request.requestId });
      }
    }
    return expired;
  }

  clear(): void {
    this.byRequestId.clear();
    this.byDeviceId.clear();
    this.expiry.clear();
  }

  private unlinkDevice(request: StoredPendingRequest): void {
    const requests = this.byDeviceId.get(request.deviceId);
    const place = requests?.indexOf(request) ?? -1;
    if (!requests || place < 0) return;
    requests.splice(place, 1);
    if (requests.length === 0) this.byDeviceId.delete(request.deviceId);
  }

  /** Removed requests leave entries behind; once they pile up, start from the live ones. */
  private compactExpiry(): void {
    if (this.expiry.length <= 2 * this.byRequestId.size + HEAP_SLACK) return;
    this.expiry.rebuild(
      [...this.byRequestId.values()].map((request) => ({
        at: request.refreshedAtMs,
        requestId: request.requestId,
      })),
    );
  }
}
