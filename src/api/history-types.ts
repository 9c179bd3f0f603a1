import { optional, reader, required, type Read, type WireText } from "../protocol";

// What the history log holds. Entries are written by the recorder (gateway events) and by this
// browser's own actions; they never carry a token or any other secret.

export const HISTORY_KINDS = {
  requested: "requested",
  approved: "approved",
  rejected: "rejected",
  /** The gateway closed a request because the same device asked again (spec §7). */
  superseded: "superseded",
  /** The gateway dropped a request nobody decided in time; it sends no event for that. */
  expired: "expired",
  renamed: "renamed",
  removed: "removed",
  tokenRotated: "token-rotated",
  tokenRevoked: "token-revoked",
} as const;
export type HistoryKind = (typeof HISTORY_KINDS)[keyof typeof HISTORY_KINDS];

export const DECIDERS = {
  thisBrowser: "this-browser",
  anotherAdmin: "another-admin",
  automatic: "automatic",
} as const;
export type Decider = (typeof DECIDERS)[keyof typeof DECIDERS];

export type HistoryEntry = {
  id: string;
  seq: number;
  /** When it happened (gateway time for events, this browser's clock for actions). */
  at: number;
  kind: HistoryKind;
  deviceId: WireText;
  /** The device's name when it was recorded (device-supplied: show as text). */
  deviceName?: WireText;
  requestId?: WireText;
  /** The role, or for a request every role it asks (comma-separated). */
  role?: WireText;
  scopesAsked?: WireText[];
  /** What the device holds after the decision: an approval unites the ask with what it had. */
  scopesDecided?: WireText[];
  decidedBy?: Decider;
  outcome?: "done" | "refused";
  note?: WireText;
};

export type NewHistoryEntry = Omit<HistoryEntry, "id" | "seq" | "at"> & { at?: number };

// Read back with the wire's limits: anything on this origin may have written to IndexedDB.
const STORED_FIELDS = {
  id: required("id"),
  seq: required("count"),
  at: required("time"),
  kind: required("id"),
  deviceId: required("text"),
  deviceName: optional("text"),
  requestId: optional("id"),
  role: optional("id"),
  scopesAsked: optional("texts"),
  scopesDecided: optional("texts"),
  decidedBy: optional("id"),
  outcome: optional("id"),
  note: optional("text"),
} satisfies Record<keyof HistoryEntry, unknown>;
const readStored = reader(STORED_FIELDS) as Read<HistoryEntry>;

// Kinds and deciders are looked up by name, so an unknown one ("__proto__") is unreadable.
const isOneOf = (names: Record<string, string>, name: string | undefined) =>
  name === undefined || Object.values(names).includes(name);

/** A stored entry, or undefined when any part of it cannot be read: it is skipped whole. */
export const readHistoryEntry: Read<HistoryEntry> = (value) => {
  let faulty = false;
  const entry = readStored(value, () => (faulty = true));
  const known = entry && isOneOf(HISTORY_KINDS, entry.kind) && isOneOf(DECIDERS, entry.decidedBy);
  return faulty || !known ? undefined : entry;
};
