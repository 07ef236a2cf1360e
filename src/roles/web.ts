// The role `web`: Bolt's receiver and the listeners, and nothing that would share their event loop with work
// Slack is not waiting for. Slash commands, clicks, views and App Home are answered as in the role `all`; a
// message or a join is kept and acknowledged, and left to a worker. No outbox delivery, no scheduler, no Home
// refresh timer: what the listeners write to the outbox and every kept event wakes a worker (PostgreSQL's NOTIFY;
// on SQLite the worker polls). The user groups' members are still read here, since clicks are authorized here.
import type { RunningProcess } from "../app.ts";
import { wakeupSender, type WakeupSender } from "../db/wakeups.ts";
import { compose, type StartOptions } from "./compose.ts";
import { serve } from "./serve.ts";

export async function startWeb(options: StartOptions): Promise<RunningProcess> {
  let wake: WakeupSender | null = null;
  const c = await compose(options, {
    receives: true, inbox: "keep", relay: options.relay,
    onOutbox: () => wake?.notify("outbox"),
    onKept: () => wake?.notify("events"),
  });
  wake = wakeupSender(c.db, c.logger);
  const serving = await serve(c);
  // Behind a receiving thread, that thread says the process started, once it listens (src/roles/front.ts).
  c.logger.info(options.relay ? "app thread started" : "incident-desk started", { role: "web", mode: c.socketMode ? "socket" : "http", port: serving.port, metricsPort: serving.metricsPort, database: c.db.provider });
  c.roleGroups.start();
  return {
    role: "web", deps: { ...c.appDeps, services: c.deps.services }, port: serving.port, metricsPort: serving.metricsPort,
    mainPortRoutes: c.mainPortRoutes, metrics: c.metrics,
    // What a web process owes is done once its events are kept: their handling and the outbox are a worker's.
    drain: () => c.events.settled(),
    async stop() {
      await serving.stopReceiving();
      await c.events.stop();
      await c.roleGroups.stop();
      await serving.close();
      if (!options.database) await c.db.close();
    },
  };
}
