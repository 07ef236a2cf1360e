// Use cases that change a case and its reservation first write the case row, then read it. On PostgreSQL (read
// committed) the write waits for any other transaction holding the row (a resolution, an approval) to commit, so
// the read that follows sees what it did; deciding on a read taken before the other one committed would settle
// incidents that are no longer there. Locking the case before any contract also keeps one lock order everywhere.
import type { Tx } from "./client.ts";

/** Takes the case row for this transaction; false when there is no such case. */
export async function lockCase(tx: Tx, caseId: number, now: Date): Promise<boolean> {
  const { count } = await tx.case.updateMany({ where: { id: caseId }, data: { updatedAt: now } });
  return count === 1;
}
