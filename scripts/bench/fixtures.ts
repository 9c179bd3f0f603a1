import { createHash } from "node:crypto";
import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
} from "@openclaw/gateway-protocol/client-info";
import type { PersistedState } from "../../mocks/core/types";
import {
  DECISIONS,
  OPERATOR_SCOPES,
  PAIRING_REASONS,
  ROLES,
  type PairResolved,
  type PendingRequest,
} from "../../src/protocol";

// Made-up but well-formed devices and requests: ids are SHA-256 hex like real device ids,
// public keys 32 bytes of base64url, every request still inside its five minutes.

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

export function pendingRequest(tag: string, index: number, ts: number): PendingRequest {
  const key = digest(`${tag}-key-${index}`);
  return {
    requestId: `${tag}-req-${index}`,
    deviceId: digest(key.toString("hex")).toString("hex"),
    publicKey: key.toString("base64url"),
    displayName: `${tag} phone ${index}`,
    platform: "ios",
    deviceFamily: "iPhone",
    clientId: IDS.IOS_APP,
    clientMode: MODES.UI,
    role: ROLES.operator,
    roles: [ROLES.operator],
    scopes: [OPERATOR_SCOPES.read, OPERATOR_SCOPES.write],
    remoteIp: `192.168.${(index >> 8) & 255}.${index & 255}`,
    silent: false,
    isRepair: false,
    ts,
  };
}

export function rejected(request: PendingRequest, ts: number): PairResolved {
  return {
    requestId: request.requestId,
    deviceId: request.deviceId,
    decision: DECISIONS.rejected,
    ts,
  };
}

/** `pending.json` / `paired.json` contents: `pending` requests and `paired` devices. */
export function seededState(pending: number, paired: number, now: number): PersistedState {
  return {
    // Spread over the last minute, so none expires during the run.
    pending: Array.from({ length: pending }, (_, index) => {
      const request = pendingRequest("seed", index, now - (index % 60_000));
      return { ...request, refreshedAtMs: request.ts, reason: PAIRING_REASONS.notPaired };
    }),
    paired: Array.from({ length: paired }, (_, index) => {
      const key = digest(`paired-key-${index}`);
      const createdAtMs = now - 86_400_000 - index * 1000;
      return {
        deviceId: digest(key.toString("hex")).toString("hex"),
        publicKey: key.toString("base64url"),
        displayName: `paired laptop ${index}`,
        platform: "linux",
        clientId: IDS.NODE_HOST,
        clientMode: MODES.BACKEND,
        role: ROLES.operator,
        roles: [ROLES.operator],
        scopes: [OPERATOR_SCOPES.read],
        approvedScopes: [OPERATOR_SCOPES.read],
        approvedVia: "cli",
        createdAtMs,
        approvedAtMs: createdAtMs,
        lastSeenAtMs: now - index * 1000,
        remoteIp: `10.0.${(index >> 8) & 255}.${index & 255}`,
        tokens: [{ role: ROLES.operator, scopes: [OPERATOR_SCOPES.read], createdAtMs }],
        tokenSecrets: [{ role: ROLES.operator, token: `bench-secret-${index}` }],
      };
    }),
  };
}
