// Use cases that change a case and its reservation take the case row first, then read it. On PostgreSQL (read
// committed) the lock waits for any other transaction holding the row (a resolution, an approval) to commit, so
// the read that follows sees what it did; deciding on a read taken before the other one committed would settle
// incidents that are no longer there. Locking the case before any contract also keeps one lock order everywhere.
// SQLite runs one transaction at a time, so there is nothing to wait for. The lock writes nothing: a refused
// action leaves the case exactly as it was.
import type { Db, Provider, Tx } from "./client.ts";

/**
 * Takes the case row for this transaction; false when there is no such case. On SQLite there is nothing to take and
 * nothing is asked: true, and the read every caller makes next says whether the case exists.
 */
export async function lockCase(tx: Tx, provider: Provider, caseId: number): Promise<boolean> {
  if (provider === "sqlite") return true;
  // The table is found through search_path, which names the schema the client was opened with.
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Case" WHERE "id" = ${caseId} FOR UPDATE`;
  return rows.length === 1;
}

/** The channel a case lives in, or null for no such case: what every check of a click on a case starts from. */
export async function channelIdOfCase(db: Db | Tx, caseId: number): Promise<string | null> {
  const found = await db.case.findUnique({ where: { id: caseId }, select: { channelId: true } });
  return found?.channelId ?? null;
}

/** The case whose root message (in its channel) or triage announcement has this ts. */
export async function caseIdAtMessage(db: Db | Tx, channelId: string, ts: string): Promise<number | null> {
  const found = await db.case.findFirst({ where: { OR: [{ channelId, rootTs: ts }, { triageTs: ts }] }, select: { id: true } });
  return found?.id ?? null;
}

/** What decides whether resolving a case first asks about its formal report. */
export function levelTermsOf(db: Db | Tx, caseId: number) {
  return db.case.findUnique({ where: { id: caseId }, select: { level: true, levelReason: true, state: true } });
}
