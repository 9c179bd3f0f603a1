// A min-heap of (refreshedAtMs, requestId) so expiry costs O(expired · log n) instead of a scan
// of every pending request on every access. Entries are lazy: the table checks each popped
// entry against the live request, so a removed or refreshed request needs no heap update.

export type ExpiryEntry = { at: number; requestId: string };

export class ExpiryHeap {
  private entries: ExpiryEntry[] = [];

  get length(): number {
    return this.entries.length;
  }

  push(entry: ExpiryEntry): void {
    const { entries } = this;
    entries.push(entry);
    let index = entries.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = entries[parent];
      if (!above || above.at <= entry.at) break;
      entries[index] = above;
      index = parent;
    }
    entries[index] = entry;
  }

  peek(): ExpiryEntry | undefined {
    return this.entries[0];
  }

  pop(): ExpiryEntry | undefined {
    const { entries } = this;
    const top = entries[0];
    const last = entries.pop();
    if (top === undefined || last === undefined || entries.length === 0) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = last;
      let next = -1;
      const leftEntry = entries[left];
      const rightEntry = entries[right];
      if (leftEntry && leftEntry.at < smallest.at) [smallest, next] = [leftEntry, left];
      if (rightEntry && rightEntry.at < smallest.at) [smallest, next] = [rightEntry, right];
      if (next < 0) break;
      entries[index] = smallest;
      index = next;
    }
    entries[index] = last;
    return top;
  }

  /** Replaces every entry (used to drop stale entries once they outnumber the live ones). */
  rebuild(entries: ExpiryEntry[]): void {
    this.entries = [];
    for (const entry of entries) this.push(entry);
  }

  clear(): void {
    this.entries = [];
  }
}
