// Transactions on the driver adapters that end, whatever the database answers.
//
// Each adapter holds something for the length of a transaction and gives it back in the transaction's commit() or
// rollback(): the SQLite adapter a lock on its one connection, the PostgreSQL adapter a connection of its pool.
// Prisma calls those only after its COMMIT or ROLLBACK statement succeeded. When the statement fails — COMMIT with
// SQLITE_FULL on a full disk, ROLLBACK of a transaction SQLite already rolled back by itself, either of them on a
// PostgreSQL connection the server terminated — nothing is given back: on SQLite every later transaction of the
// process waits forever, even once the disk has room again; on PostgreSQL each such failure keeps one of the pool's
// ten connections, and after ten every query waits forever. Here whatever was held is given back however the
// statement ends, and a transaction SQLite left open is rolled back before the next one begins.
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { ConnectionGate } from "./connection-gate.ts";
import { LoopTurns } from "./loop-turns.ts";

type Adapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type IsolationLevel = Parameters<Adapter["startTransaction"]>[0];
type Query = Parameters<Adapter["executeRaw"]>[0];
/** What PrismaClient needs of an adapter factory (both adapters' factories have this shape). */
export interface AdapterFactory {
  readonly provider: Adapter["provider"];
  readonly adapterName: string;
  connect(): Promise<Adapter>;
}

const statement = (sql: string): Query => ({ sql, args: [], argTypes: [] });
// IMMEDIATE: the write lock is taken at the start, waiting out the busy timeout. A deferred transaction that read
// first and then writes fails at once, without waiting, when another process committed since its read (SQLite
// cannot move its snapshot forward): a web process and a worker share one file, and would refuse each other's work.
const BEGIN = statement("BEGIN IMMEDIATE");
const ROLLBACK = statement("ROLLBACK");

/** The factory, with transactions that give back their connection (PostgreSQL) or the connection's lock (SQLite). */
export function endingTransactions(factory: AdapterFactory, kind: "sqlite" | "postgresql"): AdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      // The PostgreSQL driver waits for the server, so the loop turns during each statement anyway.
      if (kind === "postgresql") return { ...delegate(adapter), startTransaction: pgTransactions(adapter) };
      // The one SQLite connection is shared by turns (see connection-gate.ts).
      const gate = new ConnectionGate(new LoopTurns());
      return {
        ...delegate(adapter),
        queryRaw: (query) => gate.statement(() => adapter.queryRaw(query)),
        executeRaw: (query) => gate.statement(() => adapter.executeRaw(query)),
        executeScript: (script) => gate.statement(() => adapter.executeScript(script)),
        startTransaction: sqliteTransactions(adapter, gate),
      };
    },
  };
}

function delegate(adapter: Adapter): Adapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: (level) => adapter.startTransaction(level),
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => adapter.dispose(),
  };
}

/**
 * A transaction whose COMMIT or ROLLBACK gives back what it holds (`end`) even when the statement fails. A failed
 * ROLLBACK is not reported: the transaction is over either way (SQLite rolled it back, or the server dropped the
 * connection and with it the transaction), and Prisma's own timeout runs ROLLBACK from a timer, where an error
 * would surface as an unhandled rejection.
 */
function ending(tx: Pick<Transaction, "queryRaw" | "executeRaw" | "provider" | "adapterName">, end: (how: "commit" | "rollback") => Promise<void>, onFailedCommit: () => Promise<unknown>): Transaction {
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: { usePhantomQuery: false },
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: async (query) => {
      if (query.sql === "COMMIT") {
        try {
          return await tx.executeRaw(query);
        } catch (error) {
          await onFailedCommit().catch(() => undefined);
          await end("rollback");
          throw error;
        }
      }
      if (query.sql === "ROLLBACK") {
        try {
          return await tx.executeRaw(query);
        } catch {
          await end("rollback");
          return 0;
        }
      }
      return tx.executeRaw(query);
    },
    commit: () => end("commit"),
    rollback: () => end("rollback"),
  };
}

function sqliteTransactions(adapter: Adapter, gate: ConnectionGate): Adapter["startTransaction"] {
  const begin = async (): Promise<void> => {
    try {
      await adapter.executeRaw(BEGIN);
    } catch (error) {
      // A transaction left open by a failed COMMIT: nothing of it was committed, so roll it back and begin afresh.
      if (!/within a transaction/i.test(messageOf(error))) throw error;
      await adapter.executeRaw(ROLLBACK);
      await adapter.executeRaw(BEGIN);
    }
  };
  // The transaction's statements take the loop's turn too; the connection is theirs until it ends.
  const statements: Pick<Transaction, "queryRaw" | "executeRaw" | "provider" | "adapterName"> = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => gate.inTransaction(() => adapter.queryRaw(query)),
    executeRaw: (query) => gate.inTransaction(() => adapter.executeRaw(query)),
  };
  return async (isolationLevel?: IsolationLevel) => {
    // SQLite has one isolation level; the adapter refuses the others before touching the connection.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") return adapter.startTransaction(isolationLevel);
    const release = await gate.transaction();
    try {
      await begin();
    } catch (error) {
      release();
      throw error;
    }
    // SQLite may keep a transaction open after a failed COMMIT (SQLITE_BUSY does): end it, so the connection is usable.
    return ending(statements, () => Promise.resolve(release()), () => adapter.executeRaw(ROLLBACK));
  };
}

function pgTransactions(adapter: Adapter): Adapter["startTransaction"] {
  return async (isolationLevel?: IsolationLevel) => {
    const tx = await adapter.startTransaction(isolationLevel);
    // Either gives the connection back to the pool, which drops it if the server closed it.
    let ended = false;
    const end = async (how: "commit" | "rollback") => {
      if (ended) return;
      ended = true;
      await (how === "commit" ? tx.commit() : tx.rollback());
    };
    return ending(tx, end, () => Promise.resolve());
  };
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { originalMessage?: unknown } }).cause;
  return `${error.message} ${typeof cause?.originalMessage === "string" ? cause.originalMessage : ""}`;
}
