import type { ResponseFrame } from "../../../src/protocol";
import type { SequenceIdentities } from "./interpreter";
import type { ParamValue, Ref } from "./vocabulary";

// What a run remembers of one gateway's answers, to fill in references: each device's request
// ids in the order first seen (from refusals, events and lists) and its latest device token.

export class SequenceMemory {
  readonly deviceTokens = new Map<number, string>();
  private readonly requestIds = new Map<number, string[]>();

  constructor(private readonly identities: SequenceIdentities) {}

  /** A sequence names devices by index; there may be fewer devices than the index says. */
  device(index: number): number {
    return index % this.identities.devices.length;
  }

  /** Params with every reference replaced by this gateway's value. */
  resolve(value: unknown): unknown {
    if (Array.isArray(value) || value === null || typeof value !== "object") return value;
    if ("ref" in value) return this.resolveRef(value as Ref);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, ParamValue>)) {
      out[key] = this.resolve(item);
    }
    return out;
  }

  private resolveRef(ref: Ref): string {
    switch (ref.ref) {
      case "device":
        return this.identities.devices[this.device(ref.device)]?.deviceId ?? "";
      case "admin-device":
        return this.identities.admin.deviceId;
      case "unknown-device":
        return "0".repeat(64);
      case "unknown-request":
        return "00000000-0000-4000-8000-000000000000";
      case "request": {
        const ids = this.requestIds.get(this.device(ref.device)) ?? [];
        const id = ref.which === "first" ? ids[0] : ids[ids.length - 1];
        return id ?? "11111111-1111-4111-8111-111111111111";
      }
    }
  }

  noteRequest(device: number, requestId: string): void {
    const ids = this.requestIds.get(device) ?? [];
    if (!ids.includes(requestId)) ids.push(requestId);
    this.requestIds.set(device, ids);
  }

  noteById(deviceId: unknown, requestId: unknown): void {
    const device = this.identities.devices.findIndex((identity) => identity.deviceId === deviceId);
    if (device >= 0 && typeof requestId === "string") this.noteRequest(device, requestId);
  }

  noteResponse(frame: ResponseFrame): void {
    if (!frame.ok) return;
    const payload = frame.payload as { pending?: unknown } | undefined;
    if (!Array.isArray(payload?.pending)) return;
    type Pending = { deviceId?: unknown; nodeId?: unknown; requestId?: unknown };
    for (const pending of payload.pending as Pending[]) {
      this.noteById(pending.deviceId ?? pending.nodeId, pending.requestId);
    }
  }
}
