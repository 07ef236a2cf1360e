// A view of a Database that counts what the ORM was asked and what it returned, so a section can report how
// much a piece of work read. The counting wraps every model operation, inside transactions too.
import type { Database, Db } from "../src/db/client.ts";

export interface Counts { calls: number; rows: number }

export function countingDatabase(db: Database): { db: Database; counts: Counts; reset(): void } {
  const counts: Counts = { calls: 0, rows: 0 };
  const client = db.client.$extends({
    query: {
      $allModels: {
        async $allOperations({ args, query }) {
          const result: unknown = await query(args);
          counts.calls += 1;
          counts.rows += Array.isArray(result) ? result.length : result === null || typeof result !== "object" ? 0 : "count" in result && Object.keys(result).length === 1 ? 0 : 1;
          return result;
        },
      },
    },
  }) as unknown as Db;
  return {
    db: { ...db, client, transaction: (work) => client.$transaction(work, { maxWait: 10_000, timeout: 60_000 }) },
    counts,
    reset() {
      counts.calls = 0;
      counts.rows = 0;
    },
  };
}
