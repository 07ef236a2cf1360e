// The port of health checks and metrics (METRICS_PORT), apart from Slack's: a scraper or an orchestrator's probe
// reaches it on a private address while the Slack port faces the internet. Also what Socket Mode serves on PORT.
import { createServer, type Server } from "node:http";
import type { Route } from "./routes.ts";

export function serveRoutes(routes: Route[], port: number, host?: string): Promise<Server> {
  const server = createServer((req, res) => {
    const route = routes.find((r) => r.path === (req.url ?? "").split("?")[0] && r.method.includes(req.method ?? ""));
    if (route) route.handler(req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
