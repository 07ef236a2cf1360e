// Use cases that change a case and its reservation take the case row first, then read it. On PostgreSQL (read
// committed) the lock waits for any other transaction holding the row (a resolution, an approval) to commit, so
// the read that follows sees what it did; deciding on a read taken before the other one committed would settle
// incidents that are no longer there. Locking the case before any contract also keeps one lock order everywhere.
// SQLite runs one transaction at a time, so there is nothing to wait for. The lock writes nothing: a refused
// action leaves the case exactly as it was.
import type { Provider, Tx } from "./client.ts";

/** Takes the case row for this transaction; false when there is no such case. */
export async function lockCase(tx: Tx, provider: Provider, caseId: number): Promise<boolean> {
  if (provider === "sqlite") return (await tx.case.count({ where: { id: caseId } })) === 1;
  // The table is found through search_path, which names the schema the client was opened with.
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Case" WHERE "id" = ${caseId} FOR UPDATE`;
  return rows.length === 1;
}
