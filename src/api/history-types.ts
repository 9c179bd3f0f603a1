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
  deviceId: string;
  /** The device's name when it was recorded (device-supplied: show as text). */
  deviceName?: string;
  requestId?: string;
  /** The role, or for a request every role it asks (comma-separated). */
  role?: string;
  scopesAsked?: string[];
  /** What the device holds after the decision: an approval unites the ask with what it had. */
  scopesDecided?: string[];
  decidedBy?: Decider;
  outcome?: "done" | "refused";
  note?: string;
};

export type NewHistoryEntry = Omit<HistoryEntry, "id" | "seq" | "at"> & { at?: number };
