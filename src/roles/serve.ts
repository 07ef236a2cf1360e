// The ports of a process: Slack's requests (through Bolt's receiver, unless in Socket Mode or a worker) with the
// health checks beside them, and the metrics port when METRICS_PORT is set. A worker takes no Slack request but
// still answers /healthz, /readyz and /metrics on PORT, so that it is watched and scraped as a web process is.
import type { Server } from "node:http";
import { timeRequests } from "../observability/instrument.ts";
import { serveRoutes } from "../observability/ops-server.ts";
import { guarded } from "../observability/routes.ts";
import { portOf, type Composed } from "./compose.ts";
import { keepConnections } from "./keep-connections.ts";

export interface Serving {
  /** The main port actually bound. */
  port: number | null;
  /** The port of health checks and metrics when METRICS_PORT is set (null: they are on `port`, for this machine). */
  metricsPort: number | null;
  /** Stops taking Slack's requests; those under way finish. */
  stopReceiving(): Promise<void>;
  /** Closes the health and metrics ports. */
  close(): Promise<void>;
}

export async function serve(c: Composed): Promise<Serving> {
  const { config } = c.appDeps;
  // Bound before Slack's port: a metrics port already taken stops the start before any request is taken.
  const metricsServer = config.metrics.port === null ? null
    : await serveRoutes(guarded(c.routes, { token: config.metrics.token, localOnly: false }), config.metrics.port, config.metrics.host);
  const receives = c.receiver !== null || c.socketMode || c.relayed;
  const started = receives ? await c.app.start(config.port) : null;
  // In Socket Mode Slack's traffic needs no port, and a worker takes none, but health checks and metrics still do;
  // behind a receiving thread, that thread owns the port and asks this one for them.
  const opsServer = c.receiver === null && !c.relayed ? await serveRoutes(c.mainPortRoutes, config.port) : null;
  const server = c.relayed ? null : (opsServer ?? started) as Server;
  if (c.receiver && server) timeRequests(server, c.metrics);
  if (server) keepConnections(server);
  const close = (s: Server | null) => (s ? new Promise((resolve) => s.close(resolve)) : Promise.resolve());
  return {
    port: server ? portOf(server) : null,
    metricsPort: metricsServer ? portOf(metricsServer) : null,
    async stopReceiving() {
      if (receives) await c.app.stop();
    },
    async close() {
      await close(opsServer);
      await close(metricsServer);
    },
  };
}
