// Ending a case settles its reserved incidents in the same transaction as the state change: consumed when it is
// resolved or closes by itself, released when it is cancelled as a product defect or declined (R-INC-6/7/8), each
// part on the contract it was reserved on.
import { caseToEnd, lockCase } from "../db/cases/reads.ts";
import { applyCaseChange } from "../db/cases/changes.ts";
import { asParts, type Part } from "../db/cases/reservations.ts";
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
    // The case with what its ending settles (its parts) and the contracts they are on, read once.
    const found = await caseToEnd(tx, input.caseId);
    if (!found) return { ok: false, reason: "unknown_case" };
    const { reservations, customer, ...current } = found;
    const from = current.state;
    const next = transition(from, action);
    if (next instanceof RefusedTransition) return { ok: false, reason: next.reason, state: from };
    // Fixed now, so the SLA report reads them instead of measuring every case again in business time.
    const sla = slaFigures(deps.calendar, { level: current.level, state: next.to, openedAt: current.createdAt, firstResponseAt: current.firstResponseAt, closedAt: now }, now);
    const settlement = next.settle ?? "consume";
    const parts = asParts(reservations);
    const available = summarize(afterSettling(customer.contracts, parts, settlement), deps.calendar.localDate(now)).available;
    const caseId = current.id;
    // Only one of two racing clicks (or scheduler replicas) wins: the change is conditional on the state we read.
    const won = await applyCaseChange(tx, {
      caseId,
      // An automatic close also needs its timer still due: a reply and a new answer since the scheduler looked
      // leave the case answered again, but with a new deadline.
      // The incidents settled are the ones read here: a level change committed meanwhile makes this lose.
      guard: { state: from, incidents: current.incidents, ...(action === "auto_close" ? { autoCloseDueBy: now } : {}) },
      set: {
        state: next.to, closedAt: now, closedBy: input.actorId, closeReason: input.reason ?? null,
        firstResponseRemindAt: null, firstResponseDueAt: null, delayNoticeAt: null, autoCloseRemindAt: null, autoCloseAt: null,
        oldestUnansweredAt: null, ...slaColumns(sla, now),
      },
      settle: { kind: settlement, parts, incidents: current.incidents, customerId: current.customerId, reason: input.reason ?? null },
      event: { kind: action, actorId: input.actorId, data: input.reason ? { reason: input.reason } : null },
      outbox: [
        { channelId: current.channelId, caseId, payload: { kind: "case.refresh", caseId } },
        {
          channelId: current.channelId, caseId,
          payload: { kind: "case.notice", caseId, notice: NOTICE[action], params: { user: input.actorId, incidents: current.incidents, available, reason: input.reason ?? "" } },
        },
        // A case that ended with T4U's answer asks the customer, once, how satisfied they are (see rate-case.ts): a
        // case ends once (the conditional change), and only its ending writes the question.
        ...(action === "resolve" || action === "auto_close" ? [{ channelId: current.channelId, caseId, payload: { kind: "rating.request" as const, caseId } }] : []),
        ...(deps.triageChannel && current.triageTs ? [{ channelId: deps.triageChannel, caseId, payload: { kind: "triage.refresh" as const, caseId } }] : []),
      ],
      at: now,
    });
    if (!won) return { ok: false, reason: "closed" };
    return { ok: true, state: next.to, incidents: current.incidents, available };
  });
  if (result.ok) deps.onOutbox?.();
  return result;
}

/**
 * The contracts as the settlement just left them (what `settle` does to each part's contract, applied to the rows
 * read with the case), rather than read again.
 */
function afterSettling<C extends { id: number; reserved: number; consumed: number; available: number }>(contracts: readonly C[], parts: readonly Part[], kind: "consume" | "release"): C[] {
  return contracts.map((c) => {
    const amount = parts.filter((p) => p.contractId === c.id).reduce((n, p) => n + p.incidents, 0);
    if (amount === 0) return c;
    return kind === "consume"
      ? { ...c, reserved: c.reserved - amount, consumed: c.consumed + amount }
      : { ...c, reserved: c.reserved - amount, available: c.available + amount };
  });
}
