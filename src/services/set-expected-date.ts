// An engineer sets the date an answer is expected (R-LIFE-6). When it is 2 or more business days after the
// customer's question, the customer is told at once in the thread; that telling replaces the automatic delay
// notice, whose timer is cleared so the customer is not told twice.
import { enqueue } from "../db/outbox.ts";
import { isActive } from "../domain/case.ts";
import { isIsoDate } from "../domain/contract.ts";
import { isLateAnswerDate } from "../domain/timers.ts";
import type { ServiceDeps } from "./deps.ts";

export interface SetExpectedDateInput { caseId: number; actorId: string; date: string }

export type SetExpectedDateResult =
  | { ok: true; changed: boolean; late: boolean }
  | { ok: false; reason: "unknown_case" | "closed" | "invalid_date" | "past_date" };

export async function setExpectedDate(deps: ServiceDeps, input: SetExpectedDateInput): Promise<SetExpectedDateResult> {
  if (!isIsoDate(input.date)) return { ok: false, reason: "invalid_date" };
  const now = deps.clock.now();
  if (input.date < deps.calendar.localDate(now)) return { ok: false, reason: "past_date" };
  const result = await deps.db.transaction(async (tx): Promise<SetExpectedDateResult> => {
    const current = await tx.case.findUnique({ where: { id: input.caseId } });
    if (!current) return { ok: false, reason: "unknown_case" };
    if (!isActive(current.state)) return { ok: false, reason: "closed" };
    // The question the date answers: the oldest unanswered one, or, while waiting on the customer, today's.
    const late = isLateAnswerDate(current.oldestUnansweredAt ?? now, input.date, deps.calendar);
    if (current.expectedAnswerOn === input.date) return { ok: true, changed: false, late };
    const { count } = await tx.case.updateMany({
      where: { id: current.id, state: current.state, expectedAnswerOn: current.expectedAnswerOn },
      data: { expectedAnswerOn: input.date, ...(late ? { delayNoticeAt: null } : {}) },
    });
    if (count === 0) return { ok: true, changed: false, late };
    await tx.caseEvent.create({
      data: { caseId: current.id, kind: "expected_date_set", actorId: input.actorId, createdAt: now, data: JSON.stringify({ from: current.expectedAnswerOn, to: input.date, late }) },
    });
    const options = { at: now, caseId: current.id };
    await enqueue(tx, current.channelId, { kind: "case.refresh", caseId: current.id }, options);
    if (late) {
      await enqueue(tx, current.channelId, { kind: "case.notice", caseId: current.id, notice: "notice.expected_late", params: { date: input.date } }, options);
    }
    if (deps.triageChannel && current.triageTs) await enqueue(tx, deps.triageChannel, { kind: "triage.refresh", caseId: current.id }, options);
    return { ok: true, changed: true, late };
  });
  if (result.ok && result.changed) deps.onOutbox?.();
  return result;
}
