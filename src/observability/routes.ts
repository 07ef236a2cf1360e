// /healthz (the process is up), /readyz (the database answers, completes a transaction, is at this version's schema,
// and the app's own writes are not failing), /metrics.
//
// Readiness and metrics tell an outsider about the deployment, so they are not for the public Slack port: with
// METRICS_PORT they are served only on that port (bound to METRICS_HOST, 127.0.0.1 unless set); without it the Slack
// port answers them only to this machine itself (a loopback peer that no proxy forwarded) or to a request bearing
// METRICS_TOKEN, and says 404 to anyone else. /healthz says nothing but "up" and is served everywhere, for load
// balancers and the container's health check.
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Database } from "../db/client.ts";
import type { Clock } from "../services/deps.ts";
import type { Metrics } from "./metrics.ts";
import { readiness } from "./readiness.ts";
import { stateGauges } from "./state-gauges.ts";

/** What a route reads of a request and writes of its answer (node:http's, or one relayed from the receiving thread). */
export interface RouteRequest { headers: IncomingHttpHeaders; socket: { remoteAddress?: string | undefined } }
export interface RouteResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: string): unknown;
}
export interface Route { path: string; method: string[]; handler: (req: RouteRequest, res: RouteResponse) => void }

function send(res: RouteResponse, status: number, type: string, body: string): void {
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
        Promise.all([deps.metrics.render(), stateGauges(deps.db, deps.clock.now())])
          .then(([own, gauges]) => {
            const body = [own, gauges, deps.gauges?.() ?? ""].filter(Boolean).join("\n");
            send(res, 200, "text/plain; version=0.0.4", `${body}\n`);
          })
          .catch(() => send(res, 503, "text/plain", "database unreachable\n"));
      },
    },
  ];
}

export interface Exposure {
  /** METRICS_TOKEN: a request bearing it may read readiness and metrics wherever they are served. */
  token: string | null;
  /** true on the Slack port without METRICS_PORT: only this machine itself (or the token) may read them. */
  localOnly: boolean;
}

const FORWARDED = ["forwarded", "x-forwarded-for", "x-real-ip"];

function bearer(req: RouteRequest, token: string): boolean {
  const presented = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1]?.trim() ?? "";
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function fromThisMachine(req: RouteRequest): boolean {
  const peer = req.socket.remoteAddress ?? "";
  const loopback = peer === "::1" || peer.startsWith("127.") || peer.startsWith("::ffff:127.");
  // A reverse proxy on this machine connects from loopback too: what it forwards came from elsewhere.
  return loopback && !FORWARDED.some((h) => req.headers[h] !== undefined);
}

function allowed(req: RouteRequest, exposure: Exposure): boolean {
  if (exposure.token !== null && bearer(req, exposure.token)) return true;
  if (exposure.localOnly) return fromThisMachine(req);
  // The metrics port: open to whoever can reach its address, unless a token is set.
  return exposure.token === null;
}

/** The routes as served on one port: /healthz to anyone, the others only as `exposure` allows (404 otherwise). */
export function guarded(routes: Route[], exposure: Exposure): Route[] {
  return routes.map((route) => route.path === "/healthz" ? route : {
    ...route,
    handler: (req, res) => {
      if (allowed(req, exposure)) route.handler(req, res);
      else send(res, 404, "text/plain", "not found\n");
    },
  });
}
