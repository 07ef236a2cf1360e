// The composition root: config → database → services → Bolt app → outbox dispatcher (→ scheduler).
import type { Server } from "node:http";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Config } from "./config.ts";
import { openDatabase, type Database } from "./db/client.ts";
import { migrate, migrationStatus } from "./db/migrate.ts";
import { BusinessCalendar } from "./domain/calendar.ts";
import { createLogger, type Logger } from "./logger.ts";
import { systemClock, type Clock } from "./services/deps.ts";
import { boltLogger } from "./slack/bolt-logger.ts";
import type { SlackDeps } from "./slack/deps.ts";
import { registerListeners } from "./slack/listeners/index.ts";
import { OutboxDispatcher } from "./slack/outbox/dispatcher.ts";

export interface StartOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** An already open database (tests); otherwise one is opened from config.databaseUrl. */
  database?: Database;
  /** Minimum gap between two messages to one channel (Slack allows about one per second). */
  channelIntervalMs?: number;
  /** Poll interval of the outbox dispatcher. */
  outboxPollMs?: number;
}

export interface RunningApp {
  app: App;
  deps: SlackDeps;
  dispatcher: OutboxDispatcher;
  /** The HTTP port actually bound (null in Socket Mode). */
  port: number | null;
  stop(): Promise<void>;
}

export class StartError extends Error {}

export async function prepareDatabase(config: Config, logger: Logger, database?: Database): Promise<Database> {
  const db = database ?? await openDatabase(config.databaseUrl);
  if (db.provider === "sqlite") {
    // The embedded database needs no operator: it is migrated on start.
    const applied = await migrate(db);
    if (applied.length) logger.info("database migrated", { applied });
    return db;
  }
  const status = await migrationStatus(db);
  if (status.pending.length || status.unknown.length || status.modified.length) {
    await db.close();
    const parts = [
      status.pending.length ? `not yet applied: ${status.pending.join(", ")}` : "",
      status.unknown.length ? `applied but unknown to this version: ${status.unknown.join(", ")}` : "",
      status.modified.length ? `changed after they were applied: ${status.modified.join(", ")}` : "",
    ].filter(Boolean);
    throw new StartError(`the PostgreSQL database is not at this version's schema (${parts.join("; ")}). ` +
      (status.pending.length && !status.unknown.length && !status.modified.length
        ? "Run `npm run db:migrate` with the same DATABASE_URL, then start again."
        : "This database belongs to a different version of incident-desk; deploy the matching version."));
  }
  return db;
}

export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = await prepareDatabase(config, logger, options.database);
  const calendar = new BusinessCalendar({ timezone: config.timezone, closedDays: config.closedDays });
  const clientOptions = { ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}) };

  // The outbox keeps its own durable retries, so its client fails fast instead of retrying for half an hour.
  const outboxClient = new WebClient(config.slack.botToken, {
    ...clientOptions, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 10_000, logger: boltLogger(logger), logLevel: LogLevel.ERROR,
  });
  let homeTeamId = config.slack.homeTeamId;
  if (!homeTeamId) {
    const auth = await outboxClient.auth.test().catch((error: unknown) => {
      throw new StartError(`Slack did not accept SLACK_BOT_TOKEN (auth.test failed: ${error instanceof Error ? error.message : String(error)})`);
    });
    homeTeamId = auth.team_id ?? null;
    if (!homeTeamId) throw new StartError("auth.test returned no team_id; set SLACK_TEAM_ID");
  }

  let dispatcher: OutboxDispatcher | null = null;
  const deps: SlackDeps = {
    db, clock, calendar, config, logger,
    triageChannel: config.triageChannel,
    directory: { homeTeamId, engineers: config.engineers, managers: config.managers },
    onOutbox: () => dispatcher?.kick(),
  };
  dispatcher = new OutboxDispatcher(
    { db, calendar, clock, client: outboxClient, defaultLocale: config.defaultLocale },
    { logger, channelIntervalMs: options.channelIntervalMs, pollMs: options.outboxPollMs },
  );

  const socketMode = config.slack.appToken !== null;
  const receiver = socketMode ? undefined : new HTTPReceiver({
    signingSecret: config.slack.signingSecret,
    endpoints: "/slack/events",
    logger: boltLogger(logger),
    customRoutes: [
      { path: "/healthz", method: ["GET"], handler: (_req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end('{"status":"ok"}'); } },
    ],
  });
  const app = new App({
    token: config.slack.botToken,
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.slack.appToken ?? undefined, signingSecret: config.slack.signingSecret }),
    clientOptions: { ...clientOptions, retryConfig: { retries: 2, factor: 1, minTimeout: 100, maxTimeout: 500 } },
    logger: boltLogger(logger),
  });
  app.error(async (error) => {
    logger.error("listener failed", { error: error.message, code: (error as { code?: string }).code });
  });
  registerListeners(app, deps);
  dispatcher.start();

  const started = await app.start(config.port);
  const port = socketMode ? null : portOf(started);
  logger.info("incident-desk started", { mode: socketMode ? "socket" : "http", port, database: db.provider });

  return {
    app, deps, dispatcher, port,
    async stop() {
      await app.stop();
      await dispatcher?.stop();
      if (!options.database) await db.close();
    },
  };
}

function portOf(started: unknown): number | null {
  const address = (started as Server | undefined)?.address?.();
  return address && typeof address === "object" ? address.port : null;
}
