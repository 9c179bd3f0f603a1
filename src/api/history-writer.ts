import type { HistoryPersistence } from "./history-db";
import type { HistoryEntry } from "./history-types";

// Changes to the history log gather for a short while and go out as one transaction, with at
// most one write in flight.
export const PUTS_PER_WRITE = 100;

export type HistoryWriter = {
  put(entry: HistoryEntry): void;
  /** Every entry with seq ≤ `seq` is past the log's limit: delete it, and never write it. */
  dropThrough(seq: number): void;
  /** Writes may start (once the stored log is loaded, so new entries number after it). */
  start(): void;
  flush(): Promise<void>;
  clear(): Promise<void>;
};

export type HistoryWriterOptions = {
  persistence: HistoryPersistence;
  delayMs: number;
  limit: number;
  page?: Pick<EventTarget, "addEventListener">;
};

export function createHistoryWriter(options: HistoryWriterOptions): HistoryWriter {
  const { persistence, delayMs, limit } = options;
  let started = false;
  // What the next write carries: changed entries by id, and the trimming bound.
  let dirty = new Map<string, HistoryEntry>();
  let dropped = 0;
  let writing: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let leaving = false;

  const waiting = () => dirty.size > 0 || dropped > 0;
  const cancelTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /** Runs `task` as the one write in flight; what gathered meanwhile is written after it. */
  const exclusive = (task: () => Promise<void>) => {
    const run = task().finally(() => {
      writing = undefined;
      if (!waiting()) return;
      if (leaving) writeNow();
      // The rest of a backlog goes on at once, a transaction a task; new changes wait a little.
      else if (dirty.size > 0) timer ??= setTimeout(writeNow, 0);
      else schedule();
    });
    // Whoever waits for the turn must not fail with it; the task's caller hears its error.
    writing = run.catch(() => undefined);
    return run;
  };

  /** Up to PUTS_PER_WRITE entries out of `dirty`, oldest first; dropped ones are discarded. */
  const nextPuts = (bound: number) => {
    if (bound > 0) for (const [id, entry] of dirty) if (entry.seq <= bound) dirty.delete(id);
    const put: HistoryEntry[] = [];
    for (const [id, entry] of dirty) {
      if (put.length === PUTS_PER_WRITE) break;
      dirty.delete(id);
      put.push(entry);
    }
    return put;
  };

  const writeNow = () => {
    cancelTimer();
    if (!started || writing || !waiting()) return;
    const bound = dropped;
    const put = nextPuts(bound);
    dropped = 0;
    void exclusive(() =>
      persistence
        .save({ put, deleteThrough: bound })
        .catch((error: unknown) => console.warn("history: could not save", error)),
    );
  };

  const schedule = () => {
    if (started && timer === undefined) timer = setTimeout(writeNow, delayMs);
  };

  // While storage stalls, entries past the log's limit are dropped (once the waiting set doubles).
  const bound = () => {
    if (dirty.size <= 2 * limit || dropped === 0) return;
    for (const [id, entry] of dirty) if (entry.seq <= dropped) dirty.delete(id);
  };

  // The page may not come back (or come back from the back/forward cache): store it now.
  options.page?.addEventListener("pagehide", () => {
    leaving = true;
    writeNow();
  });
  options.page?.addEventListener("pageshow", () => (leaving = false));

  return {
    put(entry) {
      dirty.set(entry.id, entry);
      bound();
      schedule();
    },
    dropThrough(seq) {
      if (seq <= dropped) return;
      dropped = seq;
      bound();
      schedule();
    },
    start() {
      started = true;
      schedule();
    },
    async flush() {
      while (writing || (started && waiting())) {
        writeNow();
        await writing;
      }
    },
    async clear() {
      dirty = new Map();
      dropped = 0;
      cancelTimer();
      while (writing) await writing;
      await exclusive(() => persistence.clear());
    },
  };
}
