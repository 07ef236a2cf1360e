// Runs a pass every few seconds for the life of the process. Timing only: what a pass does is in pass.ts, and
// the duties themselves are services. Passes never overlap within a process; across replicas they may, and the
// services' claims make that safe.
import { faultSummary } from "../db/health.ts";
import type { Logger } from "../logger.ts";
import type { ServiceDeps } from "../services/deps.ts";
import { runPass, summarize, type PassReport } from "./pass.ts";

/** First retry after a failed pass. */
const RETRY_FIRST_MS = 5_000;

export interface SchedulerOptions {
  intervalSeconds: number;
  contact: string;
  logger: Logger;
  batchSize?: number;
  graceMs?: number;
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private chain: Promise<unknown> = Promise.resolve();
  /** Passes failed in a row. */
  private failures = 0;

  constructor(private readonly deps: ServiceDeps, private readonly options: SchedulerOptions) {}

  /** Starts at once (catching up on whatever fell due while the app was down), then every interval. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the timer and waits for the pass under way, so a shutdown never cuts a pass short by choice. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain.catch(() => undefined);
  }

  /** One pass as of the clock's now, after any pass under way (tests drive the scheduler with this). */
  runOnce(): Promise<PassReport> {
    const next = this.chain.catch(() => undefined).then(() => this.pass());
    this.chain = next;
    return next;
  }

  /**
   * A pass that fails as a whole (the database down, locked or full) is logged and tried again sooner than the
   * interval, then less often: 5 s, 10 s, 20 s … up to the interval. What it would have done stays due.
   */
  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      const intervalMs = this.options.intervalSeconds * 1000;
      let nextMs = intervalMs;
      this.runOnce()
        .then(() => {
          this.failures = 0;
        })
        .catch((error: unknown) => {
          this.failures += 1;
          nextMs = Math.min(intervalMs, RETRY_FIRST_MS * 2 ** (this.failures - 1));
          this.deps.db.health.failed(error);
          this.options.logger.error("scheduler pass failed; will try again", { error: faultSummary(error), failures: this.failures, retryInMs: nextMs });
        })
        .finally(() => {
          if (!this.stopped) this.schedule(nextMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async pass(): Promise<PassReport> {
    const log = this.options.logger;
    const report = await runPass(this.deps, { contact: this.options.contact, batchSize: this.options.batchSize, graceMs: this.options.graceMs, logger: log });
    const counts = summarize(report);
    if (report.outcomes.length) log.info("scheduler pass", { asOf: report.asOf.toISOString(), ...counts });
    return report;
  }
}
