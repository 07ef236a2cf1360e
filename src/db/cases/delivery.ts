// What the outbox delivery reads and records of a case beyond its view: the ts of the messages it posted, and the
// open cases whose root message a change of the channel's language re-renders. Also the case figures the metrics
// scrape reads beside the outbox's. Its own file: these run on the delivery's hot path or outside any use case.
import type { CaseTimer } from "./due.ts";
import type { Db, Tx } from "../client.ts";
import { ACTIVE_STATES } from "../../domain/case.ts";

/**
 * Stores the root message's ts unless one is stored already. `stored`: this call stored it; `triageTs`: the triage
 * announcement's, when it was stored before (it went out without the thread's link). Returned by the write itself,
 * which waits for the row's lock: a triage announcement stored at the same moment either came first and is seen here, or waits
 * for this write and sees the root's ts (storeTriageTs), so one of the two always knows.
 */
export async function storeRootTs(tx: Tx, caseId: number, ts: string): Promise<{ stored: boolean; triageTs: string | null }> {
  // One statement: the row as this write left it is returned by the write itself (RETURNING). Raw SQL, as below:
  // every case's root message and triage announcement are recorded so. A ts Slack gave is the delivery's
  // bookkeeping, not a change of the case, so updatedAt stays as the case's last change left it.
  const rows = await tx.$queryRaw<Array<{ triageTs: string | null }>>`UPDATE "Case" SET "rootTs" = ${ts} WHERE "id" = ${caseId} AND "rootTs" IS NULL RETURNING "triageTs"`;
  const row = rows[0];
  return row ? { stored: true, triageTs: row.triageTs } : { stored: false, triageTs: null };
}

/** Stores the triage announcement's ts; returns the root message's ts as it is once this is written (see storeRootTs). */
export async function storeTriageTs(tx: Tx, caseId: number, ts: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<Array<{ rootTs: string | null }>>`UPDATE "Case" SET "triageTs" = ${ts} WHERE "id" = ${caseId} RETURNING "rootTs"`;
  if (!row) throw new Error(`case ${caseId} not found`);
  return row.rootTs;
}

/** The channel's active cases whose root message is posted, so there is a message to re-render. */
export async function postedActiveCaseIds(db: Db | Tx, channelId: string): Promise<number[]> {
  const rows = await db.case.findMany({
    where: { channelId, state: { in: [...ACTIVE_STATES] }, rootTs: { not: null } }, select: { id: true },
  });
  return rows.map((r) => r.id);
}

export async function caseCountsByState(db: Db | Tx): Promise<Array<{ state: string; count: number }>> {
  const rows = await db.case.groupBy({ by: ["state"], _count: { _all: true } });
  return rows.map((r) => ({ state: r.state, count: r._count._all }));
}

/**
 * The earliest instant of `timer` at or before `now`, or null when none is due. One index entry per timer: each
 * column is queried by name, so the read is typed without a computed key.
 */
export function oldestDue(db: Db | Tx, timer: CaseTimer, now: Date): Promise<Date | null> {
  switch (timer) {
    case "firstResponseRemindAt":
      return db.case.findFirst({ where: { firstResponseRemindAt: { lte: now } }, orderBy: { firstResponseRemindAt: "asc" }, select: { firstResponseRemindAt: true } })
        .then((row) => row?.firstResponseRemindAt ?? null);
    case "firstResponseDueAt":
      return db.case.findFirst({ where: { firstResponseDueAt: { lte: now } }, orderBy: { firstResponseDueAt: "asc" }, select: { firstResponseDueAt: true } })
        .then((row) => row?.firstResponseDueAt ?? null);
    case "delayNoticeAt":
      return db.case.findFirst({ where: { delayNoticeAt: { lte: now } }, orderBy: { delayNoticeAt: "asc" }, select: { delayNoticeAt: true } })
        .then((row) => row?.delayNoticeAt ?? null);
    case "autoCloseRemindAt":
      return db.case.findFirst({ where: { autoCloseRemindAt: { lte: now } }, orderBy: { autoCloseRemindAt: "asc" }, select: { autoCloseRemindAt: true } })
        .then((row) => row?.autoCloseRemindAt ?? null);
    case "autoCloseAt":
      return db.case.findFirst({ where: { autoCloseAt: { lte: now } }, orderBy: { autoCloseAt: "asc" }, select: { autoCloseAt: true } })
        .then((row) => row?.autoCloseAt ?? null);
  }
}
