// Transactions on the SQLite driver adapter that end, whatever SQLite answers.
//
// The adapter serialises transactions on its one connection with a lock taken at BEGIN and released by the
// transaction's commit() or rollback(). Prisma calls those only after its COMMIT or ROLLBACK statement succeeded.
// When one fails — COMMIT with SQLITE_FULL on a full disk, or ROLLBACK of a transaction SQLite already rolled back
// by itself after an I/O error — the lock is never released, and every later transaction of the process waits for
// it forever, even once the disk has room again. Here the lock is ours and is released however the statement ends;
// a transaction SQLite left open is rolled back before the next one begins.
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["executeRaw"]>[0];

const statement = (sql: string): Query => ({ sql, args: [], argTypes: [] });
const BEGIN = statement("BEGIN");
const ROLLBACK = statement("ROLLBACK");

/** The adapter factory, with transactions that always release the connection. */
export function endingTransactions(factory: PrismaBetterSQLite3): Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb"> {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => guard(await factory.connect()),
    connectToShadowDb: async () => guard(await factory.connectToShadowDb()),
  };
}

function guard(adapter: Adapter): Adapter {
  let queue: Promise<void> = Promise.resolve();
  /** One transaction at a time on the one connection; resolves with the function that lets the next one in. */
  const acquire = async (): Promise<() => void> => {
    let release!: () => void;
    const previous = queue;
    queue = new Promise<void>((resolve) => { release = resolve; });
    await previous;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };

  const begin = async (): Promise<void> => {
    try {
      await adapter.executeRaw(BEGIN);
    } catch (error) {
      // A transaction left open by a failed COMMIT or ROLLBACK: nothing of it was committed, so roll it back.
      if (!/within a transaction/i.test(messageOf(error))) throw error;
      await adapter.executeRaw(ROLLBACK);
      await adapter.executeRaw(BEGIN);
    }
  };

  const startTransaction = async (isolationLevel?: Parameters<Adapter["startTransaction"]>[0]): Promise<Transaction> => {
    // SQLite has one isolation level; the adapter refuses the others before touching the connection.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") return adapter.startTransaction(isolationLevel);
    const release = await acquire();
    try {
      await begin();
    } catch (error) {
      release();
      throw error;
    }
    const executeRaw = async (query: Query): Promise<number> => {
      if (query.sql === "COMMIT") {
        try {
          return await adapter.executeRaw(query);
        } catch (error) {
          // SQLite may keep the transaction open after a failed COMMIT; end it, so the connection is usable.
          await adapter.executeRaw(ROLLBACK).catch(() => 0);
          release();
          throw error;
        }
      }
      if (query.sql === "ROLLBACK") {
        try {
          return await adapter.executeRaw(query);
        } catch (error) {
          release();
          // SQLite rolled the transaction back by itself (it does on SQLITE_FULL and I/O errors): that is the outcome asked for.
          if (/no transaction is active/i.test(messageOf(error))) return 0;
          throw error;
        }
      }
      return adapter.executeRaw(query);
    };
    return {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => adapter.queryRaw(query),
      executeRaw,
      commit: async () => release(),
      rollback: async () => release(),
    };
  };

  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction,
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => adapter.dispose(),
  };
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { originalMessage?: unknown } }).cause;
  return `${error.message} ${typeof cause?.originalMessage === "string" ? cause.originalMessage : ""}`;
}
