// The scheduler's reads: which timed duties are due. Every query starts from an indexed timer or notice column
// and reads one batch, continuing after a keyset cursor, so a pass visits each due row once and never walks
// through rows that have nothing due (settled cases, notified contracts).
import type { Database, Prisma } from "./client.ts";

export const CASE_TIMERS = ["firstResponseRemindAt", "firstResponseDueAt", "delayNoticeAt", "autoCloseRemindAt", "autoCloseAt"] as const;
export type CaseTimer = typeof CASE_TIMERS[number];

export interface DueCase { id: number; at: Date }
export interface DueContract { id: number; endsOn: string }

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

function afterContract(after: DueContract | null): Prisma.ContractWhereInput {
  return after ? { OR: [{ endsOn: { gt: after.endsOn } }, { endsOn: after.endsOn, id: { gt: after.id } }] } : {};
}

const byEnd: Prisma.ContractOrderByWithRelationInput[] = [{ endsOn: "asc" }, { id: "asc" }];

/** Contracts ending from `today` to `horizon` whose renewal notice is unsent, earliest end first. */
export function unsentRenewalNotices(db: Database, today: string, horizon: string, after: DueContract | null, limit: number): Promise<DueContract[]> {
  return db.client.contract.findMany({
    where: { renewalNoticeAt: null, endsOn: { gte: today, lte: horizon }, ...afterContract(after) },
    orderBy: byEnd, take: limit, select: { id: true, endsOn: true },
  });
}

/** Contracts that ended before `today` whose end notice is unsent, earliest end first. */
export function unsentEndNotices(db: Database, today: string, after: DueContract | null, limit: number): Promise<DueContract[]> {
  return db.client.contract.findMany({
    where: { endNoticeAt: null, endsOn: { lt: today }, ...afterContract(after) },
    orderBy: byEnd, take: limit, select: { id: true, endsOn: true },
  });
}

/**
 * Contracts still in their period with every incident consumed and the notice unsent. Nothing available and
 * nothing reserved means consumed = purchased, since the counters always add up to what was purchased.
 */
export function unsentExhaustedNotices(db: Database, today: string, after: DueContract | null, limit: number): Promise<DueContract[]> {
  return db.client.contract.findMany({
    where: { exhaustedNoticeAt: null, available: 0, reserved: 0, purchased: { gt: 0 }, endsOn: { gte: today }, ...afterContract(after) },
    orderBy: byEnd, take: limit, select: { id: true, endsOn: true },
  });
}
