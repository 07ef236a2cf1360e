// How one process uses its PostgreSQL connections, read from DATABASE_URL's query string with the names operators
// know from Prisma and libpq: `connection_limit` (connections one process opens, default 10), `pool_timeout`
// (seconds a transaction may wait for its turn, default 60) and `connect_timeout` (seconds to open a connection
// before the server counts as unreachable, default 5), and `pgbouncer=true` for a connection pooler between the app
// and the server that hands each transaction another server connection (statements are then sent unnamed, since a
// statement prepared on one server connection is unknown on the next). They are the app's settings, not the
// driver's, and are taken out of the URL before the driver sees it.

export interface PoolSettings {
  /** Connections one process opens at most. */
  readonly connections: number;
  /** How long a transaction waits for its turn before it fails (ms). */
  readonly waitMs: number;
  /** How long opening one connection may take before it fails (ms). */
  readonly connectMs: number;
  /** Whether statements are named, to be parsed once per connection (not behind a transaction pooler). */
  readonly namedStatements: boolean;
}

export const DEFAULT_POOL: PoolSettings = { connections: 10, waitMs: 60_000, connectMs: 5_000, namedStatements: true };

const PARAMETERS = ["connection_limit", "pool_timeout", "connect_timeout"] as const;
const FLAGS = ["pgbouncer"] as const;

/** The settings a PostgreSQL URL asks for, or an error naming the parameter that is wrong. */
export function poolSettings(url: string): PoolSettings | Error {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return new Error("DATABASE_URL is not a valid URL");
  }
  const read = (name: (typeof PARAMETERS)[number], min: number, max: number, fallback: number): number | Error => {
    const value = params.get(name);
    if (value === null) return fallback;
    const n = Number(value);
    return /^\d+$/.test(value) && n >= min && n <= max
      ? n
      : new Error(`DATABASE_URL's ${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  };
  const connections = read("connection_limit", 1, 1000, DEFAULT_POOL.connections);
  const wait = read("pool_timeout", 1, 3600, DEFAULT_POOL.waitMs / 1000);
  const connect = read("connect_timeout", 1, 600, DEFAULT_POOL.connectMs / 1000);
  for (const value of [connections, wait, connect]) if (value instanceof Error) return value;
  const pooler = params.get("pgbouncer");
  if (pooler !== null && pooler !== "true" && pooler !== "false") return new Error(`DATABASE_URL's pgbouncer must be true or false, got "${pooler}"`);
  return { connections: connections as number, waitMs: (wait as number) * 1000, connectMs: (connect as number) * 1000, namedStatements: pooler !== "true" };
}

/** The URL without the app's own parameters (and `schema`, which the ORM is given apart), for the driver. */
export function driverUrl(url: string): string {
  const parsed = new URL(url);
  for (const name of [...PARAMETERS, ...FLAGS, "schema"]) parsed.searchParams.delete(name);
  return parsed.toString();
}

/**
 * How many of the connections transactions may hold at once: all but a couple, so that a plain read (a listener's
 * look-up before it answers Slack, the outbox's claim) always finds a connection soon, even when every slot is held
 * by a transaction that waits for a lock.
 */
export function transactionSlots(connections: number): number {
  return connections - Math.min(2, Math.floor(connections / 2));
}
