// What delivers: the outbox dispatcher, the App Home refresher and the scheduler, run by the role `all` and by
// workers. Every replica may run them together: outbox messages are leased, and each timed duty is claimed in the
// database, so each still happens once.
import { faultSummary } from "../db/health.ts";
import { Scheduler } from "../scheduler/scheduler.ts";
import { refreshUnboundChannels } from "../services/refresh-channel-teams.ts";
import { HomeRefresher } from "../slack/home/refresher.ts";
import { OutboxDispatcher } from "../slack/outbox/dispatcher.ts";
import type { Composed, StartOptions } from "./compose.ts";

export interface Delivery {
  dispatcher: OutboxDispatcher;
  /** Re-publishes staff's App Home after changes. */
  homes: HomeRefresher;
  scheduler: Scheduler;
  start(): void;
  /** Stops the timers and waits for the work under way (the outbox's flush is `flush`). */
  stop(): Promise<void>;
  /** Lets the outbox deliver what is due, within options.flushTimeoutMs: what is left goes out after the next start. */
  flush(): Promise<void>;
}

export function createDelivery(c: Composed, options: StartOptions, tuning: { outboxPollMs?: number; onDelivered?: () => void } = {}): Delivery {
  const { config, calendar, people } = c.appDeps;
  const logger = c.logger;
  const dispatcher = new OutboxDispatcher(
    { db: c.db, calendar, clock: c.clock, client: c.outboxClient, defaultLocale: config.defaultLocale, people },
    {
      logger, channelIntervalMs: options.channelIntervalMs, pollMs: tuning.outboxPollMs ?? options.outboxPollMs, leaseMs: options.outboxLeaseMs,
      authProbeMs: options.authProbeMs, triageChannel: config.triageChannel, onDelivered: tuning.onDelivered,
    },
  );
  const homes = new HomeRefresher(c.deps, c.app.client, options.homeRefreshMs);
  const scheduler = new Scheduler(c.appDeps, { intervalSeconds: config.schedulerIntervalSeconds, contact: config.contact, logger });
  return {
    dispatcher, homes, scheduler,
    start() {
      dispatcher.start();
      // Channels without a customer workspace are read from Slack in the background: a slow Slack delays no request.
      void refreshUnboundChannels(c.appDeps, (channelId, error) => logger.warn("could not read a channel's workspaces", { channelId, error: error instanceof Error ? error.message : String(error) }))
        .catch((error: unknown) => logger.warn("could not list channels without a customer workspace", { error: error instanceof Error ? error.message : String(error) }));
      if (config.schedulerEnabled) scheduler.start();
    },
    async stop() {
      await homes.stop();
      await scheduler.stop();
    },
    async flush() {
      await dispatcher.stop();
      // A database that fails now leaves the rest for the next start, as a timeout does.
      const flushed = dispatcher.drain().catch((error: unknown) => logger.warn("outbox not flushed at shutdown", { error: faultSummary(error) }));
      await Promise.race([flushed, new Promise((resolve) => setTimeout(resolve, options.flushTimeoutMs ?? 5_000).unref())]);
    },
  };
}
