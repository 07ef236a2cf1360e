// /healthz (the process is up), /readyz (the database answers, completes a transaction, is at this version's schema,
// and the app's own writes are not failing), /metrics.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "../db/client.ts";
import type { Clock } from "../services/deps.ts";
import type { Metrics } from "./metrics.ts";
import { readiness } from "./readiness.ts";
import { stateGauges } from "./state-gauges.ts";

export interface Route { path: string; method: string[]; handler: (req: IncomingMessage, res: ServerResponse) => void }

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

/** `gauges`: lines of gauges kept in this process (not in the database), appended to /metrics. */
export function operationalRoutes(deps: { db: Database; clock: Clock; metrics: Metrics; gauges?: () => string }): Route[] {
  return [
    { path: "/healthz", method: ["GET"], handler: (_req, res) => send(res, 200, "application/json", '{"status":"ok"}') },
    {
      path: "/readyz", method: ["GET"],
      handler: (_req, res) => {
        void readiness(deps.db).then((r) => send(res, r.status === "ready" ? 200 : 503, "application/json", JSON.stringify(r)));
      },
    },
    {
      path: "/metrics", method: ["GET"],
      handler: (_req, res) => {
        stateGauges(deps.db, deps.clock.now())
          .then((gauges) => {
            const body = [deps.metrics.requestSeconds.render(), deps.metrics.slackErrors.render(), deps.metrics.casesOpened.render(), gauges, deps.gauges?.() ?? ""].filter(Boolean).join("\n");
            send(res, 200, "text/plain; version=0.0.4", `${body}\n`);
          })
          .catch(() => send(res, 503, "text/plain", "database unreachable\n"));
      },
    },
  ];
}
