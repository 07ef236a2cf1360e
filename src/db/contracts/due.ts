// The scheduler's reads of contracts: which notices are due. Like the cases' (../cases/due.ts), every query starts
// from an indexed notice column and reads one batch after a keyset cursor, so notified contracts are never walked.
import type { Database, Prisma } from "../client.ts";

export interface DueContract { id: number; endsOn: string }

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
