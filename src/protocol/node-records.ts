import { listReader, optional, orElse, reader, required, type RecordOf } from "./pair-records";

// The records of node capability pairing and setup codes, as field tables (see pair-records.ts).

// node.pair.list entries (observed on 2026.9.6, docs/real-gateway-admin-and-nodes.md §7).
const NODE_FIELDS = {
  nodeId: required("id"),
  displayName: optional("text"),
  platform: optional("text"),
  caps: orElse("texts", []),
  commands: orElse("texts", []),
};

const NODE_PENDING_FIELDS = {
  requestId: required("id"),
  ...NODE_FIELDS,
  /** Absent on an older gateway: the screen then says the requirement is unknown. */
  requiredApproveScopes: optional("texts"),
};

const NODE_PAIRED_FIELDS = {
  ...NODE_FIELDS,
  approvedAtMs: optional("time"),
};

// device.pair.setupCode's answer; `setupCode` holds a bootstrap credential (a secret).
const SETUP_CODE_FIELDS = {
  setupId: required("id"),
  setupCode: required("id"),
  qrDataUrl: optional("text"),
  gatewayUrl: orElse("text", ""),
  access: optional("text"),
  expiresAtMs: optional("time"),
};

/** A setup code's use: `setupStatus`'s completion / deliveryUncertain, or their events. */
const SETUP_USE_FIELDS = {
  setupId: required("id"),
  deviceId: required("id"),
  deviceName: optional("text"),
  access: optional("text"),
  ts: orElse("time", 0),
};

export type NodeRequest = RecordOf<typeof NODE_PENDING_FIELDS>;
export type PairedNode = RecordOf<typeof NODE_PAIRED_FIELDS>;
export type SetupCode = RecordOf<typeof SETUP_CODE_FIELDS>;
export type SetupUse = RecordOf<typeof SETUP_USE_FIELDS>;
export type NodePairList = { pending: NodeRequest[]; paired: PairedNode[] };

export const readSetupCode = reader(SETUP_CODE_FIELDS);
export const readSetupUse = reader(SETUP_USE_FIELDS);
/** A `node.pair.list` answer without the items it cannot use, or undefined when unreadable. */
export const readNodePairList = listReader(
  reader(NODE_PENDING_FIELDS),
  "requestId",
  reader(NODE_PAIRED_FIELDS),
  "nodeId",
);
