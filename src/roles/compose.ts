// What every role of the app builds alike (src/app.ts chooses the role): config → database → Slack clients →
// dependencies → the use cases bound to them → a Bolt app with the listeners and the kept-event inbox. A web
// process (and the role `all`) gives the app Bolt's HTTP receiver; a worker gives it a receiver that never
// listens, so that its app still handles the kept events it claims (`app.processEvent`) and calls Slack
// (`app.client`) as the listeners do.
import type { Server } from "node:http";
import { App, HTTPReceiver, LogLevel, type Receiver } from "@slack/bolt";
import type { Config } from "../config.ts";
import { openDatabase, type Database } from "../db/client.ts";
import { migrate, migrationStatus } from "../db/migrate.ts";
import { BusinessCalendar } from "../domain/calendar.ts";
import { createLogger, type Logger } from "../logger.ts";
import { CountingWebClient, slackErrorCode } from "../observability/instrument.ts";
import { createMetrics, type Metrics } from "../observability/metrics.ts";
import { guarded, operationalRoutes, type Route } from "../observability/routes.ts";
import { systemClock } from "../clock.ts";
import type { Clock } from "../services/deps.ts";
import { boltLogger } from "../slack/bolt-logger.ts";
import { takeTurnsAfterAnswers, WorkTurns } from "../slack/work-turns.ts";
import { EventInbox, noteListenerFailure, type InboxMode } from "../slack/event-inbox.ts";
import { refuseNullBodies } from "../slack/receiver-guard.ts";
import type { AppDeps, SlackDeps } from "../slack/deps.ts";
import { createServices } from "../slack/services.ts";
import { registerListeners } from "../slack/listeners/index.ts";
import { slackPersonLocales } from "../slack/person-locales.ts";
import { RoleGroups } from "../slack/role-directory.ts";
import { slackWorkspaces } from "../slack/workspaces.ts";
import { slackFetch } from "../slack/web-fetch.ts";
import { RelayedReceiver, type AppThreadEnd } from "./thread-relay.ts";
import { StartError } from "./start-error.ts";

// Four listeners at a time keep both a database round trip (PostgreSQL) and a Slack call in flight while others
// wait; a quarter second is the longest any waits, well inside a modal trigger's 3 s.
const WORK_TURNS = { size: 4, maxWaitMs: 250 };

export interface StartOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** An already open database (tests); otherwise one is opened from config.databaseUrl. */
  database?: Database;
  /** Minimum gap between two messages to one channel (Slack allows about one per second). */
  channelIntervalMs?: number;
  /** Poll interval of the outbox dispatcher (a worker on SQLite polls at WORKER_POLL_MS instead). */
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
  /** Slack's requests come from a receiving thread over this relay (the default start, src/roles/front.ts). */
  relay?: AppThreadEnd;
}

export { StartError } from "./start-error.ts";

export async function prepareDatabase(config: Config, logger: Logger, database?: Database): Promise<Database> {
  const db = database ?? await openDatabase(config.databaseUrl);
  if (db.provider === "sqlite") {
    // The embedded database needs no operator: it is migrated on start.
    await migrateAlongside(db, logger);
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

/**
 * A web process and its workers started together on one SQLite file each migrate it: the one that comes second
 * fails on a migration the first has applied (or is applying), and waits for the first instead of giving up.
 */
async function migrateAlongside(db: Database, logger: Logger): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const applied = await migrate(db);
      if (applied.length) logger.info("database migrated", { applied });
      return;
    } catch (error) {
      const status = await migrationStatus(db).catch(() => null);
      if (status && status.pending.length === 0 && status.modified.length === 0) return;
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export interface Composed {
  db: Database;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  appDeps: AppDeps;
  /** What listeners get: the dependencies less the database, with the bound use cases. */
  deps: SlackDeps;
  /** The outbox's Slack client: it fails fast, since the outbox keeps durable retries of its own. */
  outboxClient: CountingWebClient;
  roleGroups: RoleGroups;
  app: App;
  /** Bolt's HTTP receiver (null in Socket Mode, in a worker and behind a receiving thread). */
  receiver: HTTPReceiver | null;
  /** Slack's requests reach this app from a receiving thread, which owns Slack's port (src/roles/front.ts). */
  relayed: boolean;
  socketMode: boolean;
  events: EventInbox;
  /** Health and metrics for every route (guard them before serving them). */
  routes: Route[];
  /** What the main port serves besides Slack's requests: all of it to this machine only, or /healthz alone. */
  mainPortRoutes: Route[];
}

export interface Shape {
  /** Whether this process takes Slack's requests (false: a worker). */
  receives: boolean;
  inbox: InboxMode;
  /** The outbox was written: wake whatever delivers it. */
  onOutbox: () => void;
  /** A web process kept an event: wake a worker. */
  onKept?: () => void;
  /** Slack's requests come from a receiving thread over this relay, not from a port of this thread's own. */
  relay?: AppThreadEnd;
}

/** A receiver for a worker's app: it takes no request; the app handles the kept events it is handed. */
const neverListening: Receiver = { init: () => undefined, start: () => Promise.resolve(), stop: () => Promise.resolve() };

export async function compose(options: StartOptions, shape: Shape): Promise<Composed> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = await prepareDatabase(config, logger, options.database);
  const calendar = new BusinessCalendar({ timezone: config.timezone, closedDays: config.closedDays });
  // One transport, kept-alive connections, for every client here and Bolt's own (src/slack/web-fetch.ts says why).
  const clientOptions = { ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}), fetch: slackFetch() };
  const metrics = createMetrics();
  const client = (extra: Record<string, unknown>) => new CountingWebClient(config.slack.botToken, {
    ...clientOptions, logger: boltLogger(logger), logLevel: LogLevel.ERROR, ...extra,
  }, metrics);

  // The outbox keeps its own durable retries, so its client fails fast instead of retrying for half an hour.
  const outboxClient = client({ retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: options.slackTimeoutMs ?? 10_000 });
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
  }, client({ retryConfig: { retries: 0 }, timeout: 5_000 }), { intervalSeconds: config.roleRefreshSeconds, logger });
  await roleGroups.refreshAll();

  const appDeps: AppDeps = {
    db, clock, calendar, config, logger,
    triageChannel: config.triageChannel,
    forecastWindowDays: config.forecastWindowDays,
    digest: config.digest,
    directory: roleGroups.directory,
    roleGroups,
    // Registration asks Slack which workspaces share a channel; a slow Slack makes a manager wait, never a customer.
    workspaces: slackWorkspaces(client({ retryConfig: { retries: 2, factor: 1, minTimeout: 200, maxTimeout: 1_000 }, timeout: 5_000 }), homeTeamId, logger),
    // A person's language is asked before answering them: a slow Slack falls back to the channel's, never waits.
    people: slackPersonLocales(client({ retryConfig: { retries: 0 }, timeout: 1_500 }), clock, logger),
    onOutbox: () => shape.onOutbox(),
  };
  // Listeners get the use cases bound to these dependencies (src/slack/services.ts), and not the database.
  const services = createServices(appDeps);
  const { db: _database, ...edge } = appDeps;
  const deps: SlackDeps = { ...edge, services };

  const relayed = shape.receives && shape.relay !== undefined;
  const socketMode = shape.receives && !relayed && config.slack.appToken !== null;
  const routes = operationalRoutes({ db, clock, metrics, gauges: () => roleGroups.gauge() });
  // With a metrics port of its own, the main port serves only the liveness check besides Slack's requests.
  const mainPortRoutes = config.metrics.port === null ? guarded(routes, { token: config.metrics.token, localOnly: true }) : routes.filter((r) => r.path === "/healthz");
  const receiver = !shape.receives || socketMode || relayed ? null : new HTTPReceiver({
    signingSecret: config.slack.signingSecret,
    endpoints: "/slack/events",
    logger: boltLogger(logger),
    customRoutes: mainPortRoutes,
  });
  // A body that parses to null would leave Bolt with an unanswered request and an unhandled rejection.
  if (receiver) receiver.requestListener = refuseNullBodies(receiver.requestListener);
  const app = new App({
    token: config.slack.botToken,
    ...(receiver ? { receiver }
      : shape.relay && relayed ? { receiver: new RelayedReceiver(shape.relay) }
      : socketMode ? { socketMode: true, appToken: config.slack.appToken ?? undefined, signingSecret: config.slack.signingSecret }
      : { receiver: neverListening }),
    clientOptions: { ...clientOptions, retryConfig: { retries: 2, factor: 1, minTimeout: 100, maxTimeout: 500 } },
    logger: boltLogger(logger),
  });
  // Work after an answer takes turns, so that a burst of people acting at once is answered before it is worked on.
  // Installed before the inbox, whose handling of kept events then takes the same turns.
  takeTurnsAfterAnswers(app, new WorkTurns(WORK_TURNS));
  // Messages are acknowledged once kept, so that one the database could not take is delivered again by Slack.
  const events = new EventInbox(appDeps, { logger, pollMs: options.eventRetryMs, mode: shape.inbox, onKept: shape.onKept });
  events.install(app);
  app.error((error) => {
    // Listener-side Slack calls (views.open, ephemerals) surface here; the outbox's are counted by its client.
    const original = (error as { original?: unknown }).original ?? error;
    noteListenerFailure(original);
    if (slackErrorCode(original) !== "unknown") metrics.slackErrors.inc({ method: "listener", error: slackErrorCode(original) });
    logger.error("listener failed", { error: error.message, code: (error as { code?: string }).code });
    return Promise.resolve();
  });
  registerListeners(app, deps);
  return { db, clock, logger, metrics, appDeps, deps, outboxClient, roleGroups, app, receiver, relayed, socketMode, events, routes, mainPortRoutes };
}

export function portOf(started: unknown): number | null {
  const address = (started as Server | undefined)?.address?.();
  return address && typeof address === "object" ? address.port : null;
}
