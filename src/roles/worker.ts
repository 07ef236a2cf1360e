// The role `worker`: no Slack receiver (PORT serves only /healthz, /readyz and /metrics), and everything the web
// processes leave to it: every kept message and join is claimed from the database and handled by a Bolt app with
// the listeners registered, the outbox is delivered, staff's App Home refreshed, the timed duties run and the user
// groups' members read again. Several workers may run beside each other and beside web processes: events and
// outbox messages are leased, and each duty is claimed, in the database.
//
// How it hears of work: on PostgreSQL a LISTEN for the web processes' NOTIFY, with the polls below as the fallback
// (short ones while the LISTEN connection is down); on SQLite, where one process cannot wake another, polls every
// WORKER_POLL_MS.
import type { RunningProcess } from "../app.ts";
import { warnWithoutTriage } from "../app.ts";
import { listenForWakeups } from "../db/wakeups.ts";
import { compose, type StartOptions } from "./compose.ts";
import { createDelivery, type Delivery } from "./delivery.ts";
import { serve } from "./serve.ts";

export async function startWorker(options: StartOptions): Promise<RunningProcess> {
  const { config } = options;
  let delivery: Delivery | null = null;
  const c = await compose(options, {
    receives: false, inbox: "claim",
    onOutbox: () => {
      delivery?.dispatcher.kick();
      delivery?.homes.schedule();
    },
  });
  // Whatever it delivers was most likely written by a web process, which refreshes no Home tab itself.
  const started = createDelivery(c, options, { onDelivered: () => started.homes.schedule() });
  delivery = started;
  const { dispatcher, homes } = started;
  // No resuming of the last run's events here: another worker may hold their leases (see resumeInterruptedEvents).
  await c.events.start();
  const listener = listenForWakeups(c.db, config.databaseUrl, (what) => {
    if (what === "events") void c.events.pass();
    else dispatcher.kick();
  }, c.logger);
  const short = setInterval(() => {
    if (listener.listening) return;
    void c.events.pass();
    dispatcher.kick();
  }, config.workerPollMs);
  short.unref();
  const serving = await serve(c);
  c.logger.info("incident-desk started", { role: "worker", port: serving.port, metricsPort: serving.metricsPort, database: c.db.provider, pollMs: config.workerPollMs });
  warnWithoutTriage(c.appDeps);
  started.start();
  c.roleGroups.start();
  // Staff's Home tabs show what changed while no worker ran.
  homes.schedule();
  return {
    role: "worker", deps: { ...c.appDeps, services: c.deps.services }, port: serving.port, metricsPort: serving.metricsPort,
    mainPortRoutes: c.mainPortRoutes, metrics: c.metrics,
    async drain() {
      await c.events.pass();
      await c.events.settled();
      await dispatcher.drain();
    },
    async stop() {
      clearInterval(short);
      await listener.close();
      await c.events.stop();
      await started.stop();
      await c.roleGroups.stop();
      await serving.close();
      await started.flush();
      if (!options.database) await c.db.close();
    },
  };
}
