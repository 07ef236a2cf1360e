// Keeps T4U staff's Home tabs current: after any change that reached the outbox (a case opened, answered,
// assigned, closed; a balance moved), every engineer's and manager's Home tab is published again. Changes are
// gathered for a few seconds and published once, so a burst of activity costs one views.publish per person.
import type { WebClient } from "@slack/web-api";
import { faultSummary } from "../../db/health.ts";
import type { SlackDeps } from "../deps.ts";
import { homeSources, publishHome } from "./publish-home.ts";

export const HOME_REFRESH_DELAY_MS = 10_000;
/** Longest wait before a failed refresh is tried again. */
const MAX_RETRY_MS = 5 * 60_000;

export class HomeRefresher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Refreshes failed in a row. */
  private failures = 0;

  constructor(private readonly deps: SlackDeps, private readonly client: WebClient, private readonly delayMs = HOME_REFRESH_DELAY_MS) {}

  schedule(delayMs = this.delayMs): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
    this.timer.unref();
  }

  /** Publishes now what a scheduled refresh would publish. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    // A publish already under way may have read the state before the change that asked for this one.
    while (this.running) await this.running;
    if (this.stopped) return;
    const run = this.publishAll().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    await run;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async publishAll(): Promise<void> {
    const staff = new Set([...this.deps.directory.engineers, ...this.deps.directory.managers]);
    const sources = homeSources(this.deps);
    for (const userId of staff) {
      if (this.stopped) return;
      try {
        await publishHome(this.deps, this.client, { userId, teamId: this.deps.directory.homeTeamId }, sources);
      } catch (error) {
        // The database failed: try again later, less often each time (a change or the person opening Home may
        // come first); whatever it would have shown is read afresh then.
        this.failures += 1;
        const retryMs = Math.min(MAX_RETRY_MS, this.delayMs * 2 ** (this.failures - 1));
        this.deps.logger.warn("home refresh failed; will try again", { userId, error: faultSummary(error), failures: this.failures, retryInMs: retryMs });
        this.schedule(retryMs);
        return;
      }
    }
    this.failures = 0;
  }
}
