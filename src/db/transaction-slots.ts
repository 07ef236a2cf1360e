// At most a few transactions of one process run at once on PostgreSQL; the others wait here, in memory, first come
// first served.
//
// Why: work after an answer to Slack comes in bursts (sixteen people submitting at once, a worker's batch of outbox
// messages), and each transaction holds one of the pool's connections from BEGIN to COMMIT. Without this, a burst
// larger than the pool queued inside the driver's pool, whose wait is the same few seconds as its wait for a new
// connection to open: under load, transactions failed with "timeout exceeded when trying to connect" although the
// server was healthy, and a customer's submitted case was refused. Here a transaction waits for its turn as long as
// the pool's own timeout for it (`pool_timeout`), and the driver is never asked for more connections than it has.
//
// Written here rather than taken from p-limit or p-queue: both bound concurrency, but neither gives up on a wait at
// a deadline, and a transaction that has waited too long must fail then, not when its turn finally comes.

export class TransactionWaitTimeout extends Error {
  constructor(waitedMs: number) {
    super(`the database was too busy: a transaction waited ${Math.round(waitedMs / 1000)} s for a connection (DATABASE_URL's pool_timeout)`);
    this.name = "TransactionWaitTimeout";
  }
}

export class TransactionSlots {
  private running = 0;
  private readonly waiting: Array<{ start: () => void }> = [];

  constructor(private readonly size: number, private readonly waitMs: number) {}

  /** Runs `work` once a slot is free; fails with TransactionWaitTimeout when none was free within the wait. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.take();
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.start();
    }
  }

  /** Transactions running and waiting now (for tests and metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private take(): Promise<void> {
    if (this.running < this.size) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const since = performance.now();
      const entry = {
        start: () => {
          clearTimeout(timer);
          this.running += 1;
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(entry);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(new TransactionWaitTimeout(performance.now() - since));
      }, this.waitMs);
      this.waiting.push(entry);
    });
  }
}
