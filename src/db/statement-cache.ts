// Compiled SQLite statements, kept by their SQL text.
//
// Prisma's SQLite adapter calls better-sqlite3's `prepare(sql)` for every statement it runs, and better-sqlite3
// compiles the SQL again each time (parsing, planning, building SQLite's program). Measured on this project's
// machines, that compile was more than half of a primary-key read's time in the driver (about 45 µs of 75). The ORM
// sends the same few dozen statement texts over and over, so the compiled statements are kept here and only bound
// and run again.
//
// better-sqlite3 lets a statement be bound once only (`bind` fixes its parameters for good), so what `prepare`
// returns here is not the statement itself but a small stand-in with the methods the adapter calls
// (`bind(args)`, then `reader`, `run()`, `columns()`, `raw().all()`), each passing the arguments to the kept statement
// as it runs. A statement's parameters are passed at every run, so nothing of one run stays for the next. SQLite
// recompiles a kept statement by itself when the schema changed under it (a migration), and an SQL text that does
// not compile fails at its first run instead of at prepare, inside the same adapter call, with the same error.
import { LRUCache } from "lru-cache";
import type { AdapterFactory } from "./ending-transactions.ts";

/** The texts kept: the ORM's shapes are a few dozen; `IN (?, ?, …)` lists of many lengths are what the bound is for. */
const KEPT = 500;

type Args = readonly unknown[];

/** What is used here of a better-sqlite3 statement (the package ships no types; these are its documented methods). */
interface Statement {
  readonly reader: boolean;
  run(args: Args): unknown;
  columns(): unknown[];
  raw(on: boolean): Statement;
  all(args: Args): unknown[];
}

/** A better-sqlite3 connection, as far as this file needs it. */
export interface SqliteDatabase {
  prepare(sql: string): Statement;
  pragma(source: string): unknown;
}

/** What the adapter does with what `prepare` returned (see the adapter's performIO and executeIO). */
interface BoundStatement {
  readonly reader: boolean;
  run(): unknown;
  columns(): unknown[];
  raw(): { all(): unknown[] };
}

interface PreparedStatement extends BoundStatement {
  bind(args: Args): BoundStatement;
}

/** Makes `db.prepare` hand out kept statements (see above). Returns the cache, for tests to look at. */
export function keepStatements(db: SqliteDatabase): LRUCache<string, Statement> {
  const kept = new LRUCache<string, Statement>({ max: KEPT });
  const compile = db.prepare.bind(db);
  const statementFor = (sql: string): Statement => {
    let statement = kept.get(sql);
    if (!statement) {
      statement = compile(sql);
      kept.set(sql, statement);
    }
    return statement;
  };
  const bound = (statement: Statement, args: Args): BoundStatement => {
    // The adapter asks for the columns before the rows. A kept statement whose table changed since its last run
    // (a migration) is compiled again by SQLite only as it runs, and until then names the old columns: so the rows
    // are read first, and the columns asked after. Raw mode (rows as arrays) is the statement's own setting, set
    // for every run whatever the last one used.
    let rows: unknown[] | null = null;
    const read = (): unknown[] => (rows ??= statement.raw(true).all(args));
    return {
      reader: statement.reader,
      run: () => statement.run(args),
      columns: () => {
        read();
        return statement.columns();
      },
      raw: () => ({ all: read }),
    };
  };
  const prepare = (sql: string): PreparedStatement => {
    const statement = statementFor(sql);
    return { ...bound(statement, []), bind: (args: Args) => bound(statement, args) };
  };
  Object.defineProperty(db, "prepare", { value: prepare, configurable: true, writable: true });
  return kept;
}

/**
 * The SQLite adapter factory, its connection keeping its statements. The adapter holds its better-sqlite3
 * connection as `client` (not in its declared type); an adapter without one is left as it is, only slower.
 */
export function withKeptStatements(factory: AdapterFactory): AdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      const connection = (adapter as { client?: unknown }).client;
      if (isSqliteDatabase(connection)) keepStatements(connection);
      return adapter;
    },
  };
}

function isSqliteDatabase(value: unknown): value is SqliteDatabase {
  return typeof value === "object" && value !== null && typeof (value as { prepare?: unknown }).prepare === "function"
    && typeof (value as { pragma?: unknown }).pragma === "function";
}
