// How a web process tells the workers that it wrote something for them, on PostgreSQL: a NOTIFY on one channel
// for outbox messages and one for kept events, which a worker LISTENs to on a connection of its own (a pooled one
// would be handed to other queries and drop the LISTEN). A notification carries nothing: it only says "look now",
// and what to do is read from the tables as the worker's polls read it. So a notification lost (the connection
// dropped, the worker busy restarting) only delays the work until the worker's next poll, and one sent twice costs
// one look. SQLite has no way for one process to wake another: there the worker polls (WORKER_POLL_MS).
import pg from "pg";
import { DEFAULT_POOL, driverUrl, poolSettings } from "./pool-settings.ts";
import type { Database } from "./client.ts";
import { faultSummary } from "./health.ts";
import type { Logger } from "../logger.ts";

export type Wakeup = "outbox" | "events";
const WAKEUPS: readonly Wakeup[] = ["outbox", "events"];

/** Longest wait between two attempts to connect again. */
const MAX_RECONNECT_MS = 30_000;

/** The channel of one kind of wake-up; it names the schema, so that databases sharing a server wake only their own. */
export function wakeupChannel(schema: string | undefined, what: Wakeup): string {
  return `incident_desk.${schema ?? "public"}.${what}`;
}

export interface WakeupSender {
  /** Says that something was committed; never waits and never throws (the worker's poll is the fallback). */
  notify(what: Wakeup): void;
}

/**
 * NOTIFY after each commit, coalesced: while one is on its way, more requests for the same channel become one more
 * NOTIFY after it (the first may reach a worker whose look misses what was committed after it was sent).
 */
export function wakeupSender(db: Database, logger: Logger): WakeupSender {
  if (db.provider !== "postgresql") return { notify: () => undefined };
  const state = new Map<Wakeup, "idle" | "sending" | "again">(WAKEUPS.map((w) => [w, "idle"]));
  const send = (what: Wakeup): void => {
    state.set(what, "sending");
    // Executed, not queried: pg_notify returns void, which the ORM cannot read back.
    db.client.$executeRaw`SELECT pg_notify(${wakeupChannel(db.schema, what)}, '')`
      .catch((error: unknown) => logger.warn("a worker could not be woken; it finds the work at its next poll", { wakeup: what, error: faultSummary(error) }))
      .finally(() => {
        if (state.get(what) === "again") send(what);
        else state.set(what, "idle");
      });
  };
  return {
    notify(what) {
      const now = state.get(what);
      if (now === "idle") send(what);
      else state.set(what, "again");
    },
  };
}

export interface WakeupListener {
  /** Whether the LISTEN connection is up (when not, the worker relies on its polls alone). */
  readonly listening: boolean;
  close(): Promise<void>;
}

/**
 * LISTENs for both kinds of wake-up on a connection of its own, connecting again (0.5 s, 1 s, 2 s … 30 s) whenever
 * it drops; once connected, `on` is called for both, since anything may have been written while nobody listened.
 * Nothing is done on SQLite.
 */
export function listenForWakeups(db: Database, databaseUrl: string, on: (what: Wakeup) => void, logger: Logger): WakeupListener {
  if (db.provider !== "postgresql") return { listening: false, close: () => Promise.resolve() };
  const channels = new Map(WAKEUPS.map((w) => [wakeupChannel(db.schema, w), w]));
  const url = driverUrl(databaseUrl);
  // The URL was checked at start (config.ts); its connect_timeout applies to this connection too.
  const settings = poolSettings(databaseUrl);
  const connectMs = settings instanceof Error ? DEFAULT_POOL.connectMs : settings.connectMs;
  let current: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  const lostClients = new WeakSet<pg.Client>();

  const lost = (client: pg.Client, error?: unknown) => {
    if (lostClients.has(client)) return;
    lostClients.add(client);
    if (current === client) current = null;
    client.end().catch(() => undefined);
    if (closed) return;
    failures += 1;
    const retryInMs = Math.min(MAX_RECONNECT_MS, 500 * 2 ** (failures - 1));
    logger.warn("the wake-up connection to PostgreSQL is down; polling alone until it is back", { error: error === undefined ? "connection ended" : faultSummary(error), retryInMs });
    timer = setTimeout(() => void connect(), retryInMs);
    timer.unref();
  };

  const connect = async () => {
    timer = null;
    // Named, so that an operator (or a test) can tell this connection from the pool's in pg_stat_activity.
    const client = new pg.Client({
      connectionString: url, connectionTimeoutMillis: connectMs, keepAlive: true,
      application_name: `incident-desk wake-ups ${db.schema ?? "public"}`,
    });
    client.on("notification", (message) => {
      const what = channels.get(message.channel);
      if (what) on(what);
    });
    client.on("error", (error) => lost(client, error));
    client.on("end", () => lost(client));
    try {
      await client.connect();
      for (const name of channels.keys()) await client.query(`LISTEN "${name.replaceAll('"', '""')}"`);
    } catch (error) {
      lost(client, error);
      return;
    }
    if (closed) {
      lostClients.add(client);
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    if (failures > 0) logger.info("the wake-up connection to PostgreSQL is back", { failures });
    failures = 0;
    for (const what of WAKEUPS) on(what);
  };

  void connect();
  return {
    get listening() {
      return current !== null;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const client = current;
      current = null;
      if (client) {
        lostClients.add(client);
        await client.end().catch(() => undefined);
      }
    },
  };
}
