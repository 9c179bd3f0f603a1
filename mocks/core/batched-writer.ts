// Coalesces save requests: however many changes happen in one turn of the event loop, one
// write follows, and never two at once. The write itself reads the state when it starts, so a
// change made while a write is in flight is picked up by the next one. A write copies the
// whole state, so writes are also paced: after one that took D ms the next waits PACE × D ms,
// which keeps saving under a fifth of the time however fast connects arrive. `flush` writes
// what is waiting right away (shutdown, restart, tests) so nothing is lost.

const PACE = 4;

type Waiter = { promise: Promise<void>; resolve: () => void };

function waiter(): Waiter {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

export class BatchedWriter {
  /** Callers waiting for a write that has not started yet. */
  private waiting: Waiter | undefined;
  private inFlight: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private notBefore = 0;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Asks for a write of the state as it will be; resolves once one has finished (never rejects). */
  request(): Promise<void> {
    this.waiting ??= waiter();
    this.schedule();
    return this.waiting.promise;
  }

  /** Writes whatever is waiting now and resolves when no write is waiting or in flight. */
  async flush(): Promise<void> {
    while (this.inFlight || this.waiting) {
      await (this.inFlight ?? this.start());
    }
  }

  private schedule(): void {
    if (this.timer !== undefined || this.inFlight) return;
    // A macrotask, not a microtask: every change made in this turn lands in the same write.
    const wait = Math.max(0, this.notBefore - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.start();
    }, wait);
  }

  private start(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const batch = this.waiting;
    if (this.inFlight || !batch) return this.inFlight ?? Promise.resolve();
    this.waiting = undefined;
    const began = performance.now();
    const done = Promise.resolve()
      .then(this.write)
      .catch(this.onError)
      .finally(() => {
        const ended = performance.now();
        this.notBefore = ended + PACE * (ended - began);
        this.inFlight = undefined;
        batch.resolve();
        if (this.waiting) this.schedule();
      });
    this.inFlight = done;
    return done;
  }
}
