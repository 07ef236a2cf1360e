// Reads of the ledger's entries (LedgerEntry) for statements, exports and the forecast. Entries are written only
// with the counters they move (../contracts.ts); sums over long spans come from the running totals (../usage.ts).
import type { Db, Tx } from "../client.ts";

type Range = { gte: Date; lt: Date };

/** A customer's latest ledger movements, newest first. */
export function recentLedgerOf(db: Db | Tx, customerId: number, take: number) {
  return db.ledgerEntry.findMany({ where: { customerId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}

/** A page of a period's entries in id order after `afterId`, for the ledger's CSV. */
export function ledgerPage(db: Db | Tx, afterId: number, period: Range, take: number) {
  return db.ledgerEntry.findMany({
    where: { id: { gt: afterId }, createdAt: { gte: period.gte, lt: period.lt } },
    orderBy: { id: "asc" }, take,
  });
}

/** A customer's reservations, releases and consumptions from an instant on: what the forecast is made of. */
export function usageRowsOf(db: Db | Tx, customerId: number, from: Date) {
  return db.ledgerEntry.findMany({
    where: { customerId, createdAt: { gte: from }, kind: { in: ["reserve", "release", "consume"] } },
    select: { kind: true, amount: true, createdAt: true, caseId: true },
  });
}

/** One customer's reservations and releases from an instant on, summed per kind, read through its own index. */
export async function drawsOfCustomer(db: Db | Tx, customerId: number, from: Date): Promise<Array<{ customerId: number; kind: string; amount: number }>> {
  return (await db.ledgerEntry.groupBy({
    by: ["customerId", "kind"], where: { customerId, createdAt: { gte: from }, kind: { in: ["reserve", "release"] } }, _sum: { amount: true },
  })).map((r) => ({ customerId: r.customerId, kind: r.kind, amount: r._sum.amount ?? 0 }));
}

/** Every entry of these contracts, oldest first, for the usage statement. */
export function entriesOfContracts(db: Db | Tx, contractIds: readonly number[]) {
  return db.ledgerEntry.findMany({
    where: { contractId: { in: [...contractIds] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { contractId: true, caseId: true, kind: true, amount: true, reason: true, createdAt: true },
  });
}

/** Incidents consumed and released in a span, of every customer or of one. */
export async function settledInSpan(db: Db | Tx, range: Range, customerId?: number): Promise<{ consumed: number; released: number }> {
  const moved = await db.ledgerEntry.groupBy({
    by: ["kind"], where: { ...(customerId === undefined ? {} : { customerId }), createdAt: range, kind: { in: ["consume", "release"] } }, _sum: { amount: true },
  });
  const sum = (kind: string) => moved.find((m) => m.kind === kind)?._sum.amount ?? 0;
  return { consumed: sum("consume"), released: sum("release") };
}

/** A page of ledger entries in id order after `afterId`, for the full export. */
export function ledgerAfter(db: Db | Tx, afterId: number, take: number) {
  return db.ledgerEntry.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take });
}
