// An engineer sets the date an answer is expected (R-LIFE-6). When it is 2 or more business days after the
// customer's question, the customer is told at once in the thread; that telling replaces the automatic delay
// notice, whose timer is cleared so the customer is not told twice.
import { caseToChange } from "../db/cases/reads.ts";
import { applyCaseChange } from "../db/cases/changes.ts";
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
    const current = await caseToChange(tx, input.caseId);
    if (!current) return { ok: false, reason: "unknown_case" };
    if (!isActive(current.state)) return { ok: false, reason: "closed" };
    // The question the date answers: the oldest unanswered one, or, while waiting on the customer, today's.
    const late = isLateAnswerDate(current.oldestUnansweredAt ?? now, input.date, deps.calendar);
    if (current.expectedAnswerOn === input.date) return { ok: true, changed: false, late };
    const caseId = current.id;
    const won = await applyCaseChange(tx, {
      caseId,
      guard: { state: current.state, expectedAnswerOn: current.expectedAnswerOn },
      set: { expectedAnswerOn: input.date, ...(late ? { delayNoticeAt: null } : {}) },
      event: { kind: "expected_date_set", actorId: input.actorId, data: { from: current.expectedAnswerOn, to: input.date, late } },
      outbox: [
        { channelId: current.channelId, caseId, payload: { kind: "case.refresh", caseId } },
        ...(late ? [{ channelId: current.channelId, caseId, payload: { kind: "case.notice" as const, caseId, notice: "notice.expected_late" as const, params: { date: input.date } } }] : []),
        ...(deps.triageChannel && current.triageTs ? [{ channelId: deps.triageChannel, caseId, payload: { kind: "triage.refresh" as const, caseId } }] : []),
      ],
      at: now,
    });
    if (!won) return { ok: true, changed: false, late };
    return { ok: true, changed: true, late };
  });
  if (result.ok && result.changed) deps.onOutbox?.();
  return result;
}
