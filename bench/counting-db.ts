// A view of a Database that counts what the ORM was asked and what it returned, so a section can report how
// much a piece of work read. The counting wraps every model operation, inside transactions too, and every raw
// statement (counted apart, so a query moved from the ORM into SQL still shows up).
import { createRequire } from "node:module";
import type { Database, Db } from "../src/db/client.ts";

export interface Counts {
  /** Model operations (findUnique, updateMany, …). */
  calls: number;
  rows: number;
  /** Raw statements ($queryRaw, $executeRaw and their Unsafe forms). */
  raw: number;
  /** How many of each: "case.findUnique", "$executeRaw". */
  byOperation: Map<string, number>;
}

export function countingDatabase(db: Database): { db: Database; counts: Counts; reset(): void } {
  const counts: Counts = { calls: 0, rows: 0, raw: 0, byOperation: new Map() };
  const client = db.client.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const result: unknown = await query(args);
        const key = model ? `${model[0]!.toLowerCase()}${model.slice(1)}.${operation}` : operation;
        counts.byOperation.set(key, (counts.byOperation.get(key) ?? 0) + 1);
        if (!model) {
          counts.raw += 1;
          return result;
        }
        counts.calls += 1;
        counts.rows += Array.isArray(result) ? result.length : result === null || typeof result !== "object" ? 0 : "count" in result && Object.keys(result).length === 1 ? 0 : 1;
        return result;
      },
    },
  }) as unknown as Db;
  return {
    db: { ...db, client, transaction: (work) => client.$transaction(work, { maxWait: 10_000, timeout: 60_000 }) },
    counts,
    reset() {
      counts.calls = 0;
      counts.rows = 0;
      counts.raw = 0;
      counts.byOperation.clear();
    },
  };
}

/**
 * Counts every SQL statement SQLite runs in this process (BEGIN and COMMIT included), below the ORM: what one ORM
 * operation with nested relations really costs the database, beside a raw statement's one. It patches the methods
 * of better-sqlite3's statements that run them, once for the process; `reset` starts a count again.
 */
export function countSqliteStatements(): { readonly count: number; reset(): void } {
  // The driver ships no types: what is used of it here is its documented constructor, prepare and close.
  const Sqlite = createRequire(import.meta.url)("better-sqlite3") as new (file: string) => { prepare(sql: string): object; close(): void };
  const probe = new Sqlite(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<"run" | "all" | "get" | "iterate", (...args: unknown[]) => unknown> & { [patched]?: true };
  probe.close();
  if (!proto[patched]) {
    for (const method of ["run", "all", "get", "iterate"] as const) {
      const original = proto[method];
      proto[method] = function (this: unknown, ...args: unknown[]) {
        statements.count += 1;
        return original.apply(this, args);
      };
    }
    proto[patched] = true;
  }
  return { get count() { return statements.count; }, reset() { statements.count = 0; } };
}

const patched = Symbol("counted");
const statements = { count: 0 };
