// The readiness check's question to the database: can a transaction start, run and end? Asked through the adapter's
// transaction path, so that a transaction that cannot start or end shows here; not through Database.transaction,
// whose successes clear the faults of real work (a read succeeds where writes fail).
import type { Database } from "./client.ts";

export async function probeTransaction(db: Database, deadlineMs: number): Promise<void> {
  await db.client.$transaction((tx) => tx.$queryRawUnsafe("SELECT 1 AS ok"), { maxWait: deadlineMs, timeout: deadlineMs });
}
