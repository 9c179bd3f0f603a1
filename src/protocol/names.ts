// Wire names, exactly as the gateway spells them (spec §1–§7).

export const METHODS = {
  connect: "connect",
  pairList: "device.pair.list",
  pairApprove: "device.pair.approve",
  pairReject: "device.pair.reject",
  pairRemove: "device.pair.remove",
  pairRename: "device.pair.rename",
  tokenRotate: "device.token.rotate",
  tokenRevoke: "device.token.revoke",
  nodePairList: "node.pair.list",
  nodePairApprove: "node.pair.approve",
  nodePairReject: "node.pair.reject",
  nodePairRemove: "node.pair.remove",
  nodeRename: "node.rename",
  setupCode: "device.pair.setupCode",
  setupStatus: "device.pair.setupStatus",
  cronList: "cron.list",
  cronStatus: "cron.status",
  cronAdd: "cron.add",
  cronUpdate: "cron.update",
  cronRemove: "cron.remove",
} as const;
export type MethodName = (typeof METHODS)[keyof typeof METHODS];

export const EVENTS = {
  connectChallenge: "connect.challenge",
  pairRequested: "device.pair.requested",
  pairResolved: "device.pair.resolved",
  /** A paired record changed (rename); the payload is `{}`, so clients re-read the list. */
  pairChanged: "device.pair.changed",
  nodePairRequested: "node.pair.requested",
  nodePairResolved: "node.pair.resolved",
  setupCompleted: "device.pair.setup.completed",
  setupUncertain: "device.pair.setup.deliveryUncertain",
} as const;

export const ROLES = { operator: "operator", node: "node" } as const;
export type Role = (typeof ROLES)[keyof typeof ROLES];

export const OPERATOR_SCOPES = {
  read: "operator.read",
  write: "operator.write",
  admin: "operator.admin",
  approvals: "operator.approvals",
  questions: "operator.questions",
  pairing: "operator.pairing",
  talk: "operator.talk",
  talkSecrets: "operator.talk.secrets",
} as const;

export const PAIRING_REASONS = {
  notPaired: "not-paired",
  roleUpgrade: "role-upgrade",
  scopeUpgrade: "scope-upgrade",
  metadataUpgrade: "metadata-upgrade",
} as const;
export type PairingReason = (typeof PAIRING_REASONS)[keyof typeof PAIRING_REASONS];

export const DECISIONS = { approved: "approved", rejected: "rejected" } as const;
export type Decision = (typeof DECISIONS)[keyof typeof DECISIONS];

export const LOCALITIES = {
  directLocal: "direct_local",
  browserContainerLocal: "browser_container_local",
  cliContainerLocal: "cli_container_local",
  sharedSecretLoopbackLocal: "shared_secret_loopback_local",
  remote: "remote",
} as const;
export type Locality = (typeof LOCALITIES)[keyof typeof LOCALITIES];

export const PROTOCOL_VERSION = 4;
export const DEFAULT_GATEWAY_URL = "ws://127.0.0.1:18789";
/** On `<html>` of every page a gateway serves from gateway.controlUi.root: the mount path. */
export const CONTROL_UI_BASE_PATH_ATTRIBUTE = "data-openclaw-control-ui-base-path";
/** Pending device-pairing requests expire this long after their last refresh (spec §7). */
export const PAIRING_REQUEST_TTL_MS = 5 * 60 * 1000;
/** Frames before the handshake completes are capped (spec §1). */
export const PREAUTH_MAX_FRAME_BYTES = 64 * 1024;
/** After hello-ok the cap is hello-ok's `policy.maxPayload` (observed: 25 MiB). */
export const MAX_FRAME_BYTES = 25 * 1024 * 1024;
/** WebSocket close code the gateway uses for pairing and policy refusals. */
export const CLOSE_POLICY_VIOLATION = 1008;
/** The gateway cuts close reasons to 120 bytes of UTF-8 (observed), often mid-requestId. */
export const CLOSE_REASON_MAX_BYTES = 120;
