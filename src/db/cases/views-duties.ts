// Reads and claims of cases for the duties that fall due with time: the case a timed duty looks at, the claim that
// clears its timer, the service-level figures fixed afterwards, and what a notice checks again inside its
// transaction. The scheduler's own finding of what is due stays in src/db/cases/due.ts.
import { ACTIVE_STATES } from "../../domain/case.ts";
import type { Db, Tx } from "../client.ts";
import type { CaseTimer } from "./due.ts";

/** A case as a timed duty decides on it, with its customer's name. */
export function timedCase(db: Db | Tx, caseId: number) {
  return db.case.findUnique({ where: { id: caseId }, include: { customer: { select: { name: true } } } });
}

/**
 * Claims a timed duty by clearing its timer, only if it is still due: of several replicas exactly one update
 * matches. Returns whether this one did.
 */
export async function claimCaseTimer(tx: Tx, caseId: number, timer: CaseTimer, now: Date): Promise<boolean> {
  const claim = await tx.case.updateMany({
    where: { id: caseId, [timer]: { lte: now } },
    data: { [timer]: null },
  });
  return claim.count > 0;
}

/** The columns that hold a case's service-level figures. */
export interface SlaColumns {
  slaFirstResponseHours: number | null;
  slaResolutionDays: number | null;
  slaBreached: boolean;
  slaFiguredAt: Date;
}

/** Stores an ended case's figures unless it has some already; returns how many cases it changed (0 or 1). */
export async function storeMissingSlaFigures(tx: Tx, caseId: number, columns: SlaColumns): Promise<number> {
  const { count } = await tx.case.updateMany({ where: { id: caseId, slaFiguredAt: null }, data: columns });
  return count;
}

/** What decides whether the engineer is still to be told that a case closes tomorrow. */
export function closingState(tx: Tx, caseId: number) {
  return tx.case.findUnique({ where: { id: caseId }, select: { state: true, assigneeId: true, autoCloseAt: true } });
}

/** Active cases holding incidents of this contract, whichever contract they were opened under. */
export function activeCasesHoldingContract(tx: Tx, contractId: number): Promise<number> {
  return tx.case.count({ where: { state: { in: [...ACTIVE_STATES] }, reservations: { some: { contractId, incidents: { gt: 0 } } } } });
}

/** Active cases with an assignee that close by themselves by `until`, after the cursor (by id). */
export async function closingCases(client: Db, until: Date, afterId: number, limit: number): Promise<Array<{ id: number; assigneeId: string; autoCloseAt: Date }>> {
  const rows = await client.case.findMany({
    where: { state: "answered", autoCloseAt: { lte: until }, assigneeId: { not: null }, id: { gt: afterId } },
    orderBy: { id: "asc" }, take: limit, select: { id: true, assigneeId: true, autoCloseAt: true },
  });
  return rows.flatMap((r) => (r.assigneeId && r.autoCloseAt ? [{ id: r.id, assigneeId: r.assigneeId, autoCloseAt: r.autoCloseAt }] : []));
}
