// The composition root: config → database → services → Bolt app → outbox dispatcher (→ scheduler).
import type { Server } from "node:http";
// Before Bolt: an app served over HTTP then never loads Bolt's Socket Mode client.
import "./slack/socket-mode-on-demand.ts";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import type { Config } from "./config.ts";
import { openDatabase, type Database } from "./db/client.ts";
import { faultSummary } from "./db/health.ts";
import { migrate, migrationStatus } from "./db/migrate.ts";
import { BusinessCalendar } from "./domain/calendar.ts";
import { createLogger, type Logger } from "./logger.ts";
import { CountingWebClient, slackErrorCode, timeRequests } from "./observability/instrument.ts";
import { createMetrics } from "./observability/metrics.ts";
import { serveRoutes } from "./observability/ops-server.ts";
import { guarded, operationalRoutes } from "./observability/routes.ts";
import { Scheduler } from "./scheduler/scheduler.ts";
import { refreshUnboundChannels } from "./services/refresh-channel-teams.ts";
import { systemClock } from "./clock.ts";
import type { Clock } from "./services/deps.ts";
import { boltLogger } from "./slack/bolt-logger.ts";
import { EventInbox, noteListenerFailure } from "./slack/event-inbox.ts";
import { refuseNullBodies } from "./slack/receiver-guard.ts";
import type { AppDeps, SlackDeps } from "./slack/deps.ts";
import { createServices } from "./slack/services.ts";
import { HomeRefresher } from "./slack/home/refresher.ts";
import { registerListeners } from "./slack/listeners/index.ts";
import { OutboxDispatcher } from "./slack/outbox/dispatcher.ts";
import { slackPersonLocales } from "./slack/person-locales.ts";
import { RoleGroups } from "./slack/role-directory.ts";
import { slackWorkspaces } from "./slack/workspaces.ts";

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
  /** How long the outbox waits for one Slack call before counting it as failed (default 10 s). */
  slackTimeoutMs?: number;
  /** How long a message being sent stays claimed by this process (default 120 s; above slackTimeoutMs plus clock skew). */
  outboxLeaseMs?: number;
  /** While Slack refuses the token, how often the outbox asks auth.test whether it works again (default 30 s). */
  authProbeMs?: number;
  /** How long shutdown waits for the outbox to deliver what is due. */
  flushTimeoutMs?: number;
  /** How long changes are gathered before staff's Home tabs are published again (default 10 s). */
  homeRefreshMs?: number;
  /** How often kept events whose handling failed are looked for (default 5 s). */
  eventRetryMs?: number;
}

export interface RunningApp {
  app: App;
  /** What the app was built with (the database included) and the use cases bound to it: tests call services with it. */
  deps: AppDeps & { services: SlackDeps["services"] };
  dispatcher: OutboxDispatcher;
  /** Re-publishes staff's App Home after changes. */
  homes: HomeRefresher;
  /** Runs the timed duties every SCHEDULER_INTERVAL_SECONDS when enabled; tests call runOnce() themselves. */
  scheduler: Scheduler;
  /** Messages and joins, kept before Slack is answered and handled after; `settled()` waits for their handling. */
  events: EventInbox;
  /** The HTTP port actually bound (null in Socket Mode). */
  port: number | null;
  /** The port of health checks and metrics when METRICS_PORT is set (null: they are on `port`, for this machine). */
  metricsPort: number | null;
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
  const metrics = createMetrics();
  const outboxClient = new CountingWebClient(config.slack.botToken, {
    ...clientOptions, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: options.slackTimeoutMs ?? 10_000, logger: boltLogger(logger), logLevel: LogLevel.ERROR,
  }, metrics);
  let homeTeamId = config.slack.homeTeamId;
  if (!homeTeamId) {
    const auth = await outboxClient.auth.test().catch((error: unknown) => {
      throw new StartError(`Slack did not accept SLACK_BOT_TOKEN (auth.test failed: ${error instanceof Error ? error.message : String(error)})`);
    });
    homeTeamId = auth.team_id ?? null;
    if (!homeTeamId) throw new StartError("auth.test returned no team_id; set SLACK_TEAM_ID");
  }

  // Members of the user groups named as engineers or managers; a group Slack cannot answer for is logged, not fatal.
  const roleGroups = new RoleGroups(homeTeamId, {
    engineers: { users: config.engineers, groups: config.engineerGroups },
    managers: { users: config.managers, groups: config.managerGroups },
  }, new CountingWebClient(config.slack.botToken, {
    ...clientOptions, retryConfig: { retries: 0 }, timeout: 5_000, logger: boltLogger(logger), logLevel: LogLevel.ERROR,
  }, metrics), { intervalSeconds: config.roleRefreshSeconds, logger });
  await roleGroups.refreshAll();

  let dispatcher: OutboxDispatcher | null = null;
  let homes: HomeRefresher | null = null;
  const appDeps: AppDeps = {
    db, clock, calendar, config, logger,
    triageChannel: config.triageChannel,
    forecastWindowDays: config.forecastWindowDays,
    digest: config.digest,
    directory: roleGroups.directory,
    roleGroups,
    // Registration asks Slack which workspaces share a channel; a slow Slack makes a manager wait, never a customer.
    workspaces: slackWorkspaces(new CountingWebClient(config.slack.botToken, {
      ...clientOptions, retryConfig: { retries: 2, factor: 1, minTimeout: 200, maxTimeout: 1_000 }, timeout: 5_000, logger: boltLogger(logger), logLevel: LogLevel.ERROR,
    }, metrics), homeTeamId, logger),
    // A person's language is asked before answering them: a slow Slack falls back to the channel's, never waits.
    people: slackPersonLocales(new CountingWebClient(config.slack.botToken, {
      ...clientOptions, retryConfig: { retries: 0 }, timeout: 1_500, logger: boltLogger(logger), logLevel: LogLevel.ERROR,
    }, metrics), clock, logger),
    onOutbox: () => {
      dispatcher?.kick();
      homes?.schedule();
    },
  };
  // Listeners get the use cases bound to these dependencies (src/slack/services.ts), and not the database.
  const services = createServices(appDeps);
  const { db: _database, ...edge } = appDeps;
  const deps: SlackDeps = { ...edge, services };
  dispatcher = new OutboxDispatcher(
    { db, calendar, clock, client: outboxClient, defaultLocale: config.defaultLocale, people: appDeps.people },
    {
      logger, channelIntervalMs: options.channelIntervalMs, pollMs: options.outboxPollMs, leaseMs: options.outboxLeaseMs,
      authProbeMs: options.authProbeMs, triageChannel: config.triageChannel,
    },
  );

  const socketMode = config.slack.appToken !== null;
  const routes = operationalRoutes({ db, clock, metrics, gauges: () => roleGroups.gauge() });
  // With a metrics port of its own, Slack's port serves only the liveness check besides Slack's requests.
  const slackPortRoutes = config.metrics.port === null ? guarded(routes, { token: config.metrics.token, localOnly: true }) : routes.filter((r) => r.path === "/healthz");
  const receiver = socketMode ? undefined : new HTTPReceiver({
    signingSecret: config.slack.signingSecret,
    endpoints: "/slack/events",
    logger: boltLogger(logger),
    customRoutes: slackPortRoutes,
  });
  // A body that parses to null would leave Bolt with an unanswered request and an unhandled rejection.
  if (receiver) receiver.requestListener = refuseNullBodies(receiver.requestListener);
  const app = new App({
    token: config.slack.botToken,
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.slack.appToken ?? undefined, signingSecret: config.slack.signingSecret }),
    clientOptions: { ...clientOptions, retryConfig: { retries: 2, factor: 1, minTimeout: 100, maxTimeout: 500 } },
    logger: boltLogger(logger),
  });
  // Messages are acknowledged once kept, so that one the database could not take is delivered again by Slack.
  const events = new EventInbox(appDeps, { logger, pollMs: options.eventRetryMs });
  events.install(app);
  app.error((error) => {
    // Listener-side Slack calls (views.open, ephemerals) surface here; the outbox's are counted by its client.
    const original = (error as { original?: unknown }).original ?? error;
    noteListenerFailure(original);
    if (slackErrorCode(original) !== "unknown") metrics.slackErrors.inc({ method: "listener", error: slackErrorCode(original) });
    logger.error("listener failed", { error: error.message, code: (error as { code?: string }).code });
    return Promise.resolve();
  });
  const homeRefresher = new HomeRefresher(deps, app.client, options.homeRefreshMs);
  homes = homeRefresher;
  registerListeners(app, deps);
  dispatcher.start();
  await events.start();
  const scheduler = new Scheduler(appDeps, { intervalSeconds: config.schedulerIntervalSeconds, contact: config.contact, logger });

  // Bound before Slack's port: a metrics port already taken stops the start before any request is taken.
  const metricsServer = config.metrics.port === null ? null
    : await serveRoutes(guarded(routes, { token: config.metrics.token, localOnly: false }), config.metrics.port, config.metrics.host);
  const started = await app.start(config.port);
  // In Socket Mode Slack's traffic needs no port, but health checks and metrics still do.
  const opsServer = socketMode ? await serveRoutes(slackPortRoutes, config.port) : null;
  const server = (opsServer ?? started) as Server;
  if (!socketMode) timeRequests(server, metrics);
  // Keep idle connections open longer than clients and reverse proxies do, so that it is always the client that
  // closes one: a server closing first races a request being sent on it, which the client sees as a reset.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const port = portOf(server);
  const metricsPort = metricsServer ? portOf(metricsServer) : null;
  logger.info("incident-desk started", { mode: socketMode ? "socket" : "http", port, metricsPort, database: db.provider });
  // Without it, new cases are announced nowhere and unassigned cases' alerts reach nobody: say so where operators look.
  if (!config.triageChannel) {
    logger.warn("TRIAGE_CHANNEL is not set: new cases are not announced and alerts about cases nobody has (first response due, customer replies) are not posted anywhere; set it to the internal triage channel's id (C…)");
  }
  // Channels without a customer workspace are read from Slack in the background: a slow Slack delays no request.
  void refreshUnboundChannels(appDeps, (channelId, error) => logger.warn("could not read a channel's workspaces", { channelId, error: error instanceof Error ? error.message : String(error) }))
    .catch((error: unknown) => logger.warn("could not list channels without a customer workspace", { error: error instanceof Error ? error.message : String(error) }));
  // Every replica may run it: each duty is claimed in the database, so it still happens once.
  if (config.schedulerEnabled) scheduler.start();
  roleGroups.start();

  return {
    app, deps: { ...appDeps, services }, dispatcher, scheduler, events, port, metricsPort, homes: homeRefresher,
    async stop() {
      // Stop taking requests (in-flight ones finish), then let the outbox deliver what is due, within a bound:
      // what is left stays in the database and goes out after the next start.
      await app.stop();
      await events.stop();
      await homeRefresher.stop();
      await scheduler.stop();
      await roleGroups.stop();
      if (opsServer) await new Promise((resolve) => opsServer.close(resolve));
      if (metricsServer) await new Promise((resolve) => metricsServer.close(resolve));
      await dispatcher?.stop();
      // A database that fails now leaves the rest for the next start, as a timeout does.
      const flushed = dispatcher?.drain().catch((error: unknown) => logger.warn("outbox not flushed at shutdown", { error: faultSummary(error) }));
      await Promise.race([flushed, new Promise((resolve) => setTimeout(resolve, options.flushTimeoutMs ?? 5_000).unref())]);
      if (!options.database) await db.close();
    },
  };
}

function portOf(started: unknown): number | null {
  const address = (started as Server | undefined)?.address?.();
  return address && typeof address === "object" ? address.port : null;
}
