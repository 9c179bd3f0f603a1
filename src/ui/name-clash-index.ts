// findNameClashes kept up to date instead of recomputed: a live list of 10,000 names changes
// by a few per update, and keying every name again on each update is what made bursts slow.
// The caller adds and removes names as things enter and leave its lists (it knows, because it
// already keeps an object per listed thing), so an update costs what changed.

export type NameClashIndex = {
  /** Files a name of `id` under its lookalikeKey. */
  add(id: string, key: string): void;
  /** Takes out one name of `id` filed under `key` before (a name never filed is ignored). */
  remove(id: string, key: string): void;
  /** Whether a name of `id` reads the same as a name of another id (as findNameClashes). */
  clashes(id: string): boolean;
};

/** Two or more different ids share the key (one id twice, pending and paired, is no clash). */
function isClash(ids: readonly string[]): boolean {
  const first = ids[0];
  return ids.some((id) => id !== first);
}

export function createNameClashIndex(): NameClashIndex {
  // Who has a name under each key: nearly always one name, kept as its id alone (a list of
  // ids, one per name, only for two or more), so filing 20,000 names at once allocates
  // nothing per name beyond the map's own entry.
  const byKey = new Map<string, string | string[]>();
  // How many clashing keys each id has a name under.
  const clashCounts = new Map<string, number>();

  const countClash = (ids: readonly string[], by: number) => {
    for (const id of new Set(ids)) {
      const count = (clashCounts.get(id) ?? 0) + by;
      if (count > 0) clashCounts.set(id, count);
      else clashCounts.delete(id);
    }
  };
  // Re-counts the clash of one key when who shares it changes (never the case for one name).
  const share = (key: string, before: readonly string[], after: string[]) => {
    if (isClash(before)) countClash(before, -1);
    if (isClash(after)) countClash(after, 1);
    if (after.length === 0) byKey.delete(key);
    else byKey.set(key, after.length === 1 ? (after[0] as string) : after);
  };

  return {
    add(id, key) {
      if (!key) return; // a blank name clashes with nothing
      const kept = byKey.get(key);
      if (kept === undefined) byKey.set(key, id);
      else {
        const before = typeof kept === "string" ? [kept] : kept;
        share(key, before, [...before, id]);
      }
    },
    remove(id, key) {
      const kept = key ? byKey.get(key) : undefined;
      if (kept === undefined) return;
      if (kept === id) byKey.delete(key);
      else if (typeof kept !== "string") {
        const at = kept.indexOf(id);
        if (at >= 0) share(key, kept, [...kept.slice(0, at), ...kept.slice(at + 1)]);
      }
    },
    clashes(id) {
      return clashCounts.size > 0 && clashCounts.has(id);
    },
  };
}
