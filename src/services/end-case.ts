// Ending a case settles its reserved incidents in the same transaction as the state change: consumed when it is
// resolved or closes by itself, released when it is cancelled as a product defect or declined (R-INC-6/7/8), each
// part on the contract it was reserved on.
import { lockCase } from "../db/cases.ts";
import { contractsOf } from "../db/contracts.ts";
import { settleCase } from "../db/reservations.ts";
import { enqueue } from "../db/outbox.ts";
import { RefusedTransition, transition, type CaseState } from "../domain/case.ts";
import { summarize } from "../domain/contract.ts";
import { slaFigures } from "../domain/sla-figures.ts";
import type { ServiceDeps } from "./deps.ts";
import type { EndNoticeKey } from "./notices.ts";
import { slaColumns } from "./sla-figures.ts";

export type EndAction = "resolve" | "auto_close" | "cancel_defect" | "decline_scope";

export interface EndCaseInput { caseId: number; actorId: string; reason?: string }

export type EndCaseResult =
  | { ok: true; state: CaseState; incidents: number; available: number }
  | { ok: false; reason: "unknown_case" | "closed" | "not_waiting"; state?: CaseState };

const NOTICE: Record<EndAction, EndNoticeKey> = {
  resolve: "notice.resolved",
  auto_close: "notice.auto_closed",
  cancel_defect: "notice.cancelled",
  decline_scope: "notice.declined",
};

export async function endCase(deps: ServiceDeps, action: EndAction, input: EndCaseInput): Promise<EndCaseResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx): Promise<EndCaseResult> => {
    // Taken first, so a change of the case's incidents committed meanwhile (an approval) is settled too.
    if (!(await lockCase(tx, deps.db.provider, input.caseId))) return { ok: false, reason: "unknown_case" };
    const current = await tx.case.findUnique({ where: { id: input.caseId } });
    if (!current) return { ok: false, reason: "unknown_case" };
    const from = current.state;
    const next = transition(from, action);
    if (next instanceof RefusedTransition) return { ok: false, reason: next.reason, state: from };
    // Fixed now, so the SLA report reads them instead of measuring every case again in business time.
    const sla = slaFigures(deps.calendar, { level: current.level, state: next.to, openedAt: current.createdAt, firstResponseAt: current.firstResponseAt, closedAt: now }, now);
    // Only one of two racing clicks (or scheduler replicas) wins: the update is conditional on the state we read.
    const { count } = await tx.case.updateMany({
      // An automatic close also needs its timer still due: a reply and a new answer since the scheduler looked
      // leave the case answered again, but with a new deadline.
      // The incidents settled below are the ones read here: a level change committed meanwhile makes this lose.
      where: { id: current.id, state: from, incidents: current.incidents, ...(action === "auto_close" ? { autoCloseAt: { lte: now } } : {}) },
      data: {
        state: next.to, closedAt: now, closedBy: input.actorId, closeReason: input.reason ?? null,
        firstResponseRemindAt: null, firstResponseDueAt: null, delayNoticeAt: null, autoCloseRemindAt: null, autoCloseAt: null,
        oldestUnansweredAt: null, ...slaColumns(sla, now),
      },
    });
    if (count === 0) return { ok: false, reason: "closed" };
    const settled = await settleCase(tx, next.settle ?? "consume", {
      customerId: current.customerId, actorId: input.actorId, at: now, caseId: current.id, reason: input.reason ?? null,
    });
    if (settled !== current.incidents) throw new Error(`case ${current.id}: holds ${settled} incidents on its contracts, shows ${current.incidents}`);
    await tx.caseEvent.create({ data: { caseId: current.id, kind: action, actorId: input.actorId, createdAt: now, data: input.reason ? JSON.stringify({ reason: input.reason }) : null } });
    const available = summarize(await contractsOf(tx, current.customerId), deps.calendar.localDate(now)).available;
    await enqueue(tx, current.channelId, { kind: "case.refresh", caseId: current.id }, { at: now, caseId: current.id });
    await enqueue(tx, current.channelId, {
      kind: "case.notice", caseId: current.id, notice: NOTICE[action],
      params: { user: input.actorId, incidents: current.incidents, available, reason: input.reason ?? "" },
    }, { at: now, caseId: current.id });
    // A case that ended with T4U's answer asks the customer, once, how satisfied they are (see rate-case.ts).
    if (action === "resolve" || action === "auto_close") {
      await enqueue(tx, current.channelId, { kind: "rating.request", caseId: current.id }, { at: now, caseId: current.id, dedupeKey: `rating.request:${current.id}` });
    }
    if (deps.triageChannel && current.triageTs) {
      await enqueue(tx, deps.triageChannel, { kind: "triage.refresh", caseId: current.id }, { at: now, caseId: current.id });
    }
    return { ok: true, state: next.to, incidents: current.incidents, available };
  });
  if (result.ok) deps.onOutbox?.();
  return result;
}
