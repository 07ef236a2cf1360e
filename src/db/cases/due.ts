// The scheduler's reads of cases: which timed duties are due (the contracts' are in ../contracts/due.ts). Every query starts from an indexed timer or notice column
// and reads one batch, continuing after a keyset cursor, so a pass visits each due row once and never walks
// through rows that have nothing due (settled cases, notified contracts).
import type { Database, Prisma } from "../client.ts";

export const CASE_TIMERS = ["firstResponseRemindAt", "firstResponseDueAt", "delayNoticeAt", "autoCloseRemindAt", "autoCloseAt"] as const;
export type CaseTimer = typeof CASE_TIMERS[number];

export interface DueCase { id: number; at: Date }

/** Cases whose `timer` is at or before `dueBy`, oldest first, after the cursor. */
export async function dueCases(db: Database, timer: CaseTimer, dueBy: Date, after: DueCase | null, limit: number): Promise<DueCase[]> {
  // A computed key cannot be typed per column; the shape is the same for each of the five timers.
  const where = {
    [timer]: { lte: dueBy },
    ...(after ? { OR: [{ [timer]: { gt: after.at } }, { [timer]: after.at, id: { gt: after.id } }] } : {}),
  } as Prisma.CaseWhereInput;
  const orderBy = [{ [timer]: "asc" }, { id: "asc" }] as Prisma.CaseOrderByWithRelationInput[];
  const rows = await db.client.case.findMany({
    where, orderBy, take: limit,
    select: { id: true, firstResponseRemindAt: true, firstResponseDueAt: true, delayNoticeAt: true, autoCloseRemindAt: true, autoCloseAt: true },
  });
  return rows.flatMap((row) => {
    const at = row[timer];
    return at ? [{ id: row.id, at }] : [];
  });
}
