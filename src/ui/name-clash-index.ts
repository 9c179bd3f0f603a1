// findNameClashes kept up to date instead of recomputed: a live list of 10,000 names changes
// by a few per update, and keying every name again on each update is what made bursts slow.
// The caller adds and removes names as things enter and leave its lists (it knows, because it
// already keeps an object per listed thing), so an update costs what changed.

/** A name as the index files it: whose it is and its lookalikeKey. */
export type KeyedName = { readonly id: string; readonly key: string };

export type NameClashIndex = {
  add(name: KeyedName): void;
  /** Takes out a name added before (the same object). */
  remove(name: KeyedName): void;
  /** Whether a name of `id` reads the same as a name of another id (as findNameClashes). */
  clashes(id: string): boolean;
};

/** Two or more different ids share the key (one id twice, pending and paired, is no clash). */
function isClash(sharing: readonly KeyedName[]): boolean {
  const first = sharing[0]?.id;
  return sharing.some((name) => name.id !== first);
}

export function createNameClashIndex(): NameClashIndex {
  // Names by key: nearly always one, kept as is (an array only for two or more), so ten
  // thousand names do not keep ten thousand one-element arrays alive.
  const byKey = new Map<string, KeyedName | KeyedName[]>();
  // How many clashing keys each id has a name under.
  const clashCounts = new Map<string, number>();

  const countClash = (sharing: readonly KeyedName[], by: number) => {
    for (const id of new Set(sharing.map((name) => name.id))) {
      const count = (clashCounts.get(id) ?? 0) + by;
      if (count > 0) clashCounts.set(id, count);
      else clashCounts.delete(id);
    }
  };
  const sharingOf = (key: string): KeyedName[] => {
    const kept = byKey.get(key);
    return kept === undefined ? [] : Array.isArray(kept) ? kept : [kept];
  };
  // Re-counts the clash of one key when who shares it changes (never the case for one name).
  const share = (key: string, before: readonly KeyedName[], after: KeyedName[]) => {
    if (isClash(before)) countClash(before, -1);
    if (isClash(after)) countClash(after, 1);
    if (after.length === 0) byKey.delete(key);
    else byKey.set(key, after.length === 1 ? (after[0] as KeyedName) : after);
  };

  return {
    add(name) {
      if (!name.key) return; // a blank name clashes with nothing
      if (!byKey.has(name.key)) byKey.set(name.key, name);
      else {
        const before = sharingOf(name.key);
        share(name.key, before, [...before, name]);
      }
    },
    remove(name) {
      if (!name.key) return;
      if (byKey.get(name.key) === name) byKey.delete(name.key);
      else {
        const before = sharingOf(name.key);
        share(
          name.key,
          before,
          before.filter((other) => other !== name),
        );
      }
    },
    clashes(id) {
      return clashCounts.size > 0 && clashCounts.has(id);
    },
  };
}
