// The only module that knows there are two generated Prisma clients. Everything else sees one `Db` type.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient as SqliteClient, Prisma } from "../generated/sqlite/client.ts";
import { endingTransactions } from "./ending-transactions.ts";
import { withKeptStatements } from "./statement-cache.ts";
import { statementNames } from "./statement-names.ts";
import { createDatabaseHealth, type DatabaseHealth } from "./health.ts";
import { driverUrl, poolSettings, transactionSlots } from "./pool-settings.ts";
import { TransactionSlots } from "./transaction-slots.ts";

export type Db = InstanceType<typeof SqliteClient>;
/** What a use case sees inside a transaction. */
export type Tx = Prisma.TransactionClient;
export type Provider = "sqlite" | "postgresql";
export { Prisma };
/**
 * A whole contract row as the ORM reads it; a raw `SELECT *` of the table reads the same (test/db/raw-reads.test.ts
 * compares them on both databases).
 */
export type ContractRow = Prisma.ContractGetPayload<object>;
/** What the app writes to a JSON column: an object of JSON values. */
export type JsonFields = Prisma.InputJsonObject;

export interface Database {
  readonly client: Db;
  readonly provider: Provider;
  /** The PostgreSQL schema in use (tests isolate themselves in their own schema). */
  readonly schema?: string;
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** How the latest database work ended (readiness); transactions report themselves. */
  readonly health: DatabaseHealth;
  close(): Promise<void>;
}

export function providerOf(url: string): Provider | Error {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return "postgresql";
  return new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(":")[0]}:…"`);
}

/** Path of the SQLite file named by a file: URL, relative to the working directory. */
export function sqlitePath(url: string): string {
  return resolve(url.slice("file:".length).split("?")[0] ?? "");
}

export async function openDatabase(url: string, options: { schema?: string } = {}): Promise<Database> {
  const provider = providerOf(url);
  if (provider instanceof Error) throw provider;
  if (provider === "sqlite") {
    const file = sqlitePath(url);
    createPrivateFile(file);
    const client = new SqliteClient({ adapter: endingTransactions(withKeptStatements(new PrismaBetterSqlite3({ url: `file:${file}` })), "sqlite") });
    // WAL lets readers proceed while one writer commits; the busy timeout makes concurrent writers wait
    // for the lock instead of failing at once.
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
    await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    return wrap(client, provider);
  }
  const schema = options.schema ?? new URL(url).searchParams.get("schema") ?? undefined;
  const pool = poolSettings(url);
  if (pool instanceof Error) throw pool;
  // Loaded only when used: an SQLite deployment saves the memory of the second client and the pg driver.
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient: PostgresClient } = await import("../generated/postgresql/client.ts");
  // Prisma qualifies its own queries with the schema; raw SQL (migrations, locks) relies on search_path.
  // A server that is down or unreachable fails a new connection within seconds instead of leaving it waiting.
  // The connections are named, so that an operator can tell them apart in pg_stat_activity.
  const adapter = endingTransactions(new PrismaPg(
    {
      connectionString: driverUrl(url), max: pool.connections, connectionTimeoutMillis: pool.connectMs, keepAlive: true,
      application_name: `incident-desk ${schema ?? "public"}`,
      options: [
        ...(new URL(url).searchParams.get("options") ?? "").split(" ").filter(Boolean),
        ...(schema ? [`-c search_path="${schema}"`] : []),
        // A named statement is planned for the values of each run, as an unnamed one is: a plan made once for any
        // value (PostgreSQL's choice after five runs) cannot use what a search term's value tells the planner.
        ...(pool.namedStatements ? ["-c plan_cache_mode=force_custom_plan"] : []),
      ].join(" ") || undefined,
    },
    { ...(schema ? { schema } : {}), ...(pool.namedStatements ? { statementNameGenerator: statementNames() } : {}) },
  ), "postgresql");
  const client = new PostgresClient({ adapter }) as unknown as Db;
  return wrap(client, provider, schema, new TransactionSlots(transactionSlots(pool.connections), pool.waitMs));
}

function wrap(client: Db, provider: Provider, schema?: string, slots?: TransactionSlots): Database {
  const health = createDatabaseHealth();
  // On PostgreSQL a transaction first waits for one of the process's slots (transaction-slots.ts).
  const turnOf = <T>(work: () => Promise<T>): Promise<T> => slots ? slots.run(work) : work();
  // On SQLite every statement first gives the event loop a turn (connection-gate.ts), so a transaction no longer
  // holds back the requests received while it runs.
  const transaction: Database["transaction"] = provider === "sqlite"
    ? (work) => client.$transaction(work, { maxWait: 10_000, timeout: 20_000 })
    : (work) => turnOf(() => retryingDeadlocks(() => client.$transaction(work, { maxWait: 10_000, timeout: 20_000 })));
  return {
    client,
    provider,
    schema,
    health,
    transaction: async (work) => {
      try {
        const result = await transaction(work);
        health.ok();
        return result;
      } catch (error) {
        health.failed(error);
        throw error;
      }
    },
    close: () => client.$disconnect(),
  };
}

/**
 * Two transactions that lock the same rows in opposite orders (a resolution and an approval of one case, say): the
 * server aborts one as a deadlock and rolls it back whole. A use case is one transaction that reads what it needs
 * inside it, so running it again is safe and ends as if it had simply come second.
 */
async function retryingDeadlocks<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 4 || !isDeadlock(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 10 + Math.random() * 20));
    }
  }
}

// Prisma 7 reports a PostgreSQL deadlock or serialization failure as P2034 ("write conflict or deadlock"); the
// driver's own message is kept as the cause in some paths, so both are recognised.
function isDeadlock(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && (code === "P2034" ||
    /deadlock detected|could not serialize access/i.test(`${error.message} ${cause instanceof Error ? cause.message : ""}`));
}

/** The SQLite file holds customers' questions: create it readable by its owner only. */
function createPrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  chmodSync(file, 0o600);
}

/** True when a Prisma error is a unique-constraint violation (a concurrent duplicate). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"
    || (error instanceof Error && /UNIQUE constraint failed|duplicate key value/i.test(error.message));
}
