import type { Server } from "node:http";

/**
 * Keep idle connections open longer than clients and reverse proxies do, so that it is always the client that
 * closes one: a server closing first races a request being sent on it, which the client sees as a reset.
 */
export function keepConnections(server: Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}
