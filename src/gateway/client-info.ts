import { GATEWAY_CLIENT_IDS, GATEWAY_CLIENT_MODES } from "@openclaw/gateway-client/browser";
import { OPERATOR_SCOPES, ROLES } from "../protocol";

// Who Pairdesk says it is on the wire (spec §2): the Control UI, asking for the least it needs.

export const REQUESTED_ROLE = ROLES.operator;
export const REQUESTED_SCOPES: readonly string[] = [OPERATOR_SCOPES.read, OPERATOR_SCOPES.pairing];

export function clientInfo(version: string) {
  return {
    id: GATEWAY_CLIENT_IDS.CONTROL_UI,
    mode: GATEWAY_CLIENT_MODES.WEBCHAT,
    platform: "web",
    displayName: "Pairdesk",
    version,
  };
}

export type ReconnectPolicy = { initialMs: number; multiplier: number; maxMs: number };

export const DEFAULT_RECONNECT: ReconnectPolicy = {
  initialMs: 800,
  multiplier: 1.7,
  maxMs: 15_000,
};

/** Delay before reconnect attempt `attempt` (1-based); no jitter, so the countdown is exact. */
export function reconnectDelayMs(policy: ReconnectPolicy, attempt: number): number {
  const delay = policy.initialMs * policy.multiplier ** Math.max(attempt - 1, 0);
  return Math.round(Math.min(policy.maxMs, delay));
}
