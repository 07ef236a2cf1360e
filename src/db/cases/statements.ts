// Reads of cases (and their events) for the figures about customers: balances, statements, the forecast, the weekly
// digest and the full export. None of them changes a case; they count, sum and list cases by customer and span.
import { ACTIVE_STATES } from "../../domain/case.ts";
import type { Db, Tx } from "../client.ts";

type Range = { gte: Date; lt: Date };

const OPEN_STATES = [...ACTIVE_STATES];

/** Per customer (every customer, or one), how many of its cases are active. */
export async function openCasesPerCustomer(db: Db | Tx, filter: { customerId?: number } = {}): Promise<Map<number, number>> {
  const open = await db.case.groupBy({ by: ["customerId"], where: { state: { in: OPEN_STATES }, ...(filter.customerId ? { customerId: filter.customerId } : {}) }, _count: { _all: true } });
  return new Map(open.map((row) => [row.customerId, row._count._all]));
}

/** How many of one customer's cases are active. */
export function openCaseCount(db: Db | Tx, customerId: number): Promise<number> {
  return db.case.count({ where: { customerId, state: { in: ["open", "in_progress", "answered"] } } });
}

/** Cases opened in a span, of every customer or of one. */
export function casesOpenedIn(db: Db | Tx, range: Range, customerId?: number): Promise<number> {
  return db.case.count({ where: { ...(customerId === undefined ? {} : { customerId }), createdAt: range } });
}

/** Cases that ended in a span, of every customer or of one. */
export function casesEndedIn(db: Db | Tx, range: Range, customerId?: number): Promise<number> {
  return db.case.count({ where: { ...(customerId === undefined ? {} : { customerId }), closedAt: range } });
}

/** The normal cases opened in a span, with what decides whether their first response was late. */
export function normalCasesOpenedIn(db: Db | Tx, range: Range) {
  return db.case.findMany({ where: { createdAt: range, level: "normal" }, select: { level: true, createdAt: true, firstResponseAt: true } });
}

/** The level of each of these cases, read in slices: a long-standing customer has more than one IN list takes. */
export async function levelsOfCases(db: Db | Tx, caseIds: readonly number[]): Promise<Map<number, string>> {
  const levels = new Map<number, string>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const cases = await db.case.findMany({ where: { id: { in: caseIds.slice(i, i + 500) } }, select: { id: true, level: true } });
    for (const c of cases) levels.set(c.id, c.level);
  }
  return levels;
}

/** Those of these cases that are the customer's, with what the usage statement shows of each. */
export function statementCases(db: Db | Tx, caseIds: readonly number[], customerId: number) {
  return db.case.findMany({
    where: { id: { in: [...caseIds] }, customerId },
    select: { id: true, title: true, level: true, state: true, createdAt: true, closedAt: true },
  });
}

/** A page of cases in id order after `afterId`, for the full export. */
export function casesAfter(db: Db | Tx, afterId: number, take: number) {
  return db.case.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take });
}

/** A page of case events in id order after `afterId`, for the full export. */
export function caseEventsAfter(db: Db | Tx, afterId: number, take: number) {
  return db.caseEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take });
}
