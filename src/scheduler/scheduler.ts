// Runs a pass every few seconds for the life of the process. Timing only: what a pass does is in pass.ts, and
// the duties themselves are services. Passes never overlap within a process; across replicas they may, and the
// services' claims make that safe.
import type { Logger } from "../logger.ts";
import type { ServiceDeps } from "../services/deps.ts";
import { runPass, summarize, type PassReport } from "./pass.ts";

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

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error: unknown) => this.options.logger.error("scheduler pass failed", { error: error instanceof Error ? error.message : String(error) }))
        .finally(() => {
          if (!this.stopped) this.schedule(this.options.intervalSeconds * 1000);
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
