// Use cases that change a case and its reservation take the case row first, then read it. On PostgreSQL (read
// committed) the lock waits for any other transaction holding the row (a resolution, an approval) to commit, so
// the read that follows sees what it did; deciding on a read taken before the other one committed would settle
// incidents that are no longer there. Locking the case before any contract also keeps one lock order everywhere.
// SQLite runs one transaction at a time, so there is nothing to wait for. The lock writes nothing: a refused
// action leaves the case exactly as it was. The reads a change decides on are here beside the lock; the change
// itself is written by cases/changes.ts.
import type { CaseLevel, CaseState } from "../../domain/case.ts";
import type { ContractRow, Db, Provider, Tx } from "../client.ts";

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
/** What a click on a case reads first, in one read: its channel (who may), its level and state (what follows). */
export async function actionTermsOf(db: Db | Tx, caseId: number): Promise<ActionTerms | null> {
  // Raw SQL: every click on a case reads it before it is answered.
  const [found] = await db.$queryRaw<ActionTerms[]>`SELECT "channelId", "level", "levelReason", "state" FROM "Case" WHERE "id" = ${caseId}`;
  return found ?? null;
}

export interface ActionTerms { channelId: string; level: CaseLevel; levelReason: "reproduction" | "report" | null; state: CaseState }

/** A case as a change of it reads it (every column): what the change decides on and guards. */
export function caseToChange(db: Db | Tx, caseId: number) {
  return db.case.findUnique({ where: { id: caseId } });
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof caseToChange>>>;

/** The case read again once its row is taken (see lockCase): it exists, since the lock found it. */
export async function caseUnderLock(tx: Tx, caseId: number): Promise<CaseRow> {
  const [found] = await tx.$queryRaw<CaseRow[]>`SELECT * FROM "Case" WHERE "id" = ${caseId}`;
  if (!found) throw new Error(`case ${caseId} not found`);
  return found;
}

/**
 * The case whose root message in this channel starts the thread a message was written in. Raw SQL, read for every
 * message in a case's thread; `SELECT *` reads the row as the ORM does (test/db/raw-reads.test.ts).
 */
export async function caseOfThread(db: Db | Tx, channelId: string, rootTs: string): Promise<CaseRow | null> {
  const [found] = await db.$queryRaw<CaseRow[]>`SELECT * FROM "Case" WHERE "channelId" = ${channelId} AND "rootTs" = ${rootTs} LIMIT 1`;
  return found ?? null;
}

/**
 * The case to end, with what its ending settles (its parts) and its customer's contracts they are on, read at once,
 * in the order the balance is summed. Raw SQL, on the path of every case's ending: the ORM's nested include ran four
 * statements; these are three, and read the rows as the ORM does (the same columns, decoded the same way, which
 * test/db/raw-reads.test.ts compares on both databases).
 */
export async function caseToEnd(tx: Tx, caseId: number) {
  const [found] = await tx.$queryRaw<CaseRow[]>`SELECT * FROM "Case" WHERE "id" = ${caseId}`;
  if (!found) return null;
  const parts = await tx.$queryRaw<Array<{ contractId: number; incidents: number; endsOn: string }>>`
    SELECT r."contractId", r."incidents", k."endsOn" FROM "CaseReservation" r JOIN "Contract" k ON k."id" = r."contractId"
    WHERE r."caseId" = ${caseId} AND r."incidents" > 0 ORDER BY k."endsOn", r."contractId"`;
  // The customer's contracts, joined through the case as the include read them through its customer.
  const contracts = await tx.$queryRaw<ContractRow[]>`
    SELECT k.* FROM "Case" c JOIN "Contract" k ON k."customerId" = c."customerId" WHERE c."id" = ${caseId} ORDER BY k."endsOn", k."id"`;
  return {
    ...found,
    reservations: parts.map((p) => ({ contractId: p.contractId, incidents: p.incidents, contract: { endsOn: p.endsOn } })),
    customer: { contracts },
  };
}

/** What rating a case checks (its state and any rating already given) and whom it tells. */
export function caseToRate(tx: Tx, caseId: number) {
  return tx.case.findUnique({
    where: { id: caseId },
    select: { id: true, state: true, channelId: true, assigneeId: true, triageTs: true, customer: { select: { name: true } }, rating: { select: { score: true } } },
  });
}

/** The case a submission opened, found by its idempotency key. */
export function caseOfSubmission(db: Db | Tx, requestKey: string) {
  return db.case.findUnique({ where: { requestKey }, select: { id: true, incidents: true, openedBy: true } });
}

/** The case a submission opened, read whole (after a concurrent copy of the submission won). */
export function caseWithRequestKey(db: Db | Tx, requestKey: string): Promise<CaseRow | null> {
  return db.case.findUnique({ where: { requestKey } });
}

/** The earlier case a new one follows up, when it is the same customer's; null otherwise. */
export function earlierCaseOf(db: Db | Tx, caseId: number, customerId: number) {
  return db.case.findFirst({ where: { id: caseId, customerId }, select: { id: true } });
}

/** What saving a formal report checks of its case: that it is level A. */
export function caseForReport(db: Db | Tx, caseId: number) {
  return db.case.findUnique({ where: { id: caseId }, select: { id: true, level: true } });
}

/** The case's state alone, or null for no such case. */
export async function stateOfCase(db: Db | Tx, caseId: number) {
  const found = await db.case.findUnique({ where: { id: caseId }, select: { state: true } });
  return found?.state ?? null;
}
