// The composition root: config → database → services → Bolt app → outbox dispatcher (→ scheduler), in the role
// APP_ROLE names. `all` (the default) runs all of it in one process; `web` (src/roles/web.ts) only takes Slack's
// requests; `worker` (src/roles/worker.ts) delivers, handles kept events and runs the timed duties.
// Before Bolt: an app served over HTTP then never loads Bolt's Socket Mode client.
import "./slack/socket-mode-on-demand.ts";
import type { App } from "@slack/bolt";
import type { AppRole } from "./config.ts";
import type { Scheduler } from "./scheduler/scheduler.ts";
import type { EventInbox } from "./slack/event-inbox.ts";
import type { AppDeps, SlackDeps } from "./slack/deps.ts";
import type { HomeRefresher } from "./slack/home/refresher.ts";
import type { OutboxDispatcher } from "./slack/outbox/dispatcher.ts";
import { compose, type StartOptions } from "./roles/compose.ts";
import { createDelivery, type Delivery } from "./roles/delivery.ts";
import { serve } from "./roles/serve.ts";
import type { Metrics } from "./observability/metrics.ts";
import type { Route } from "./observability/routes.ts";

export { prepareDatabase, StartError, type StartOptions } from "./roles/compose.ts";

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
  mainPortRoutes: Route[];
  metrics: Metrics;
  stop(): Promise<void>;
}

/** A process in any role: what main.ts, the process tests and the benchmark need of it. */
export interface RunningProcess {
  role: AppRole;
  deps: AppDeps & { services: SlackDeps["services"] };
  /** Slack's port (web, all) or the health and metrics port (worker); null in Socket Mode. */
  port: number | null;
  metricsPort: number | null;
  /** Resolves once what this process owes is done: kept events handled and the outbox delivered (what it delivers). */
  drain(): Promise<void>;
  stop(): Promise<void>;
  /** What Slack's port serves besides Slack's requests (a receiving thread asks for them, src/roles/front.ts). */
  mainPortRoutes: Route[];
  metrics: Metrics;
}

/** Starts the process in the role its configuration names. */
export async function startProcess(options: StartOptions): Promise<RunningProcess> {
  const role = options.config.role;
  if (role === "web") return (await import("./roles/web.ts")).startWeb(options);
  if (role === "worker") return (await import("./roles/worker.ts")).startWorker(options);
  const running = await startApp(options);
  return {
    role, deps: running.deps, port: running.port, metricsPort: running.metricsPort, stop: () => running.stop(),
    mainPortRoutes: running.mainPortRoutes, metrics: running.metrics,
    async drain() {
      await running.events.settled();
      await running.dispatcher.drain();
    },
  };
}

/** Everything in one process (the role `all`): the receiver, the kept events' handling, the outbox and the scheduler. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  let delivery: Delivery | null = null;
  const c = await compose(options, {
    receives: true, inbox: "handle", relay: options.relay,
    onOutbox: () => {
      delivery?.dispatcher.kick();
      delivery?.homes.schedule();
    },
  });
  delivery = createDelivery(c, options);
  const { dispatcher, homes, scheduler } = delivery;
  // Awaited before the receiver listens: resuming the last run's kept events cannot touch this run's.
  await c.events.start();
  const serving = await serve(c);
  // Behind a receiving thread, that thread says the process started, once it listens (src/roles/front.ts).
  c.logger.info(options.relay ? "app thread started" : "incident-desk started", { role: "all", mode: c.socketMode ? "socket" : "http", port: serving.port, metricsPort: serving.metricsPort, database: c.db.provider });
  warnWithoutTriage(c.appDeps);
  delivery.start();
  c.roleGroups.start();
  const started = delivery;

  return {
    app: c.app, deps: { ...c.appDeps, services: c.deps.services }, dispatcher, scheduler, events: c.events, port: serving.port, metricsPort: serving.metricsPort, homes,
    mainPortRoutes: c.mainPortRoutes, metrics: c.metrics,
    async stop() {
      // Stop taking requests (in-flight ones finish), then let the outbox deliver what is due, within a bound:
      // what is left stays in the database and goes out after the next start.
      await serving.stopReceiving();
      await c.events.stop();
      await started.stop();
      await c.roleGroups.stop();
      await serving.close();
      await started.flush();
      if (!options.database) await c.db.close();
    },
  };
}

/** Without it, new cases are announced nowhere and unassigned cases' alerts reach nobody: say so where operators look. */
export function warnWithoutTriage(deps: AppDeps): void {
  if (deps.config.triageChannel) return;
  deps.logger.warn("TRIAGE_CHANNEL is not set: new cases are not announced and alerts about cases nobody has (first response due, customer replies) are not posted anywhere; set it to the internal triage channel's id (C…)");
}
