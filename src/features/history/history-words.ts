import { DECIDERS, HISTORY_KINDS, type HistoryEntry } from "../../api/history-types";
import type { WireText } from "../../protocol";

const KIND_WORDS: Record<HistoryEntry["kind"], string> = {
  [HISTORY_KINDS.requested]: "Pairing requested",
  [HISTORY_KINDS.approved]: "Approved",
  [HISTORY_KINDS.rejected]: "Rejected",
  [HISTORY_KINDS.superseded]: "Replaced by a newer request",
  [HISTORY_KINDS.expired]: "Expired",
  [HISTORY_KINDS.renamed]: "Renamed",
  [HISTORY_KINDS.removed]: "Removed",
  [HISTORY_KINDS.tokenRotated]: "Token rotated",
  [HISTORY_KINDS.tokenRevoked]: "Token revoked",
};

const DECIDER_WORDS: Record<string, string> = {
  [DECIDERS.thisBrowser]: "This browser",
  [DECIDERS.anotherAdmin]: "Another admin",
  [DECIDERS.automatic]: "Automatically",
};

export function kindWords(entry: HistoryEntry): WireText {
  const words = KIND_WORDS[entry.kind] ?? entry.kind;
  return entry.role ? `${words} (${entry.role})` : words;
}

export function deciderWords(entry: HistoryEntry): string {
  return entry.decidedBy ? (DECIDER_WORDS[entry.decidedBy] ?? entry.decidedBy) : "—";
}
