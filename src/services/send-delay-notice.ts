// R-LIFE-6: when a customer's question has had no answer for 2 business days, the customer is told the answer
// is delayed and the engineers are alerted, once per question: the timer is set by the first unanswered
// message and not again until an engineer answers (see record-message.ts), and this claim clears it.
import { recordCaseEvent } from "../db/cases/changes.ts";
import { enqueue } from "../db/outbox.ts";
import { isActive } from "../domain/case.ts";
import type { ServiceDeps } from "./deps.ts";
import { alertEngineers, alertRoute } from "./engineer-alert.ts";
import { localDateTime, runCaseTimer, SCHEDULER_ACTOR, type CaseTimerJob, type JobInput, type JobOutcome } from "./scheduled-job.ts";

function job(deps: ServiceDeps): CaseTimerJob {
  /** An expected answer date an engineer set is repeated to the customer while it still lies ahead. */
  const expectedOn = (expected: string | null, now: Date) =>
    expected && expected >= deps.calendar.localDate(now) ? expected : "";
  return {
    job: "delay-notice",
    timer: "delayNoticeAt",
    plan(c, _dueAt, now) {
      if (!isActive(c.state)) return { send: false, detail: `the case is ${c.state}` };
      if (!c.oldestUnansweredAt) return { send: false, detail: "the question was answered" };
      const expected = expectedOn(c.expectedAnswerOn, now);
      return {
        send: true,
        detail: `tell the customer the answer is delayed${expected ? ` (expected ${expected})` : ""} and alert engineers (${alertRoute(deps, c)}); ` +
          `unanswered since ${localDateTime(deps, c.oldestUnansweredAt).text}`,
      };
    },
    async act(tx, c, _dueAt, now) {
      const since = localDateTime(deps, c.oldestUnansweredAt ?? now);
      const question = c.oldestUnansweredAt?.getTime() ?? now.getTime();
      await enqueue(tx, c.channelId, { kind: "case.notice", caseId: c.id, notice: "notice.unanswered_delay", params: { expected: expectedOn(c.expectedAnswerOn, now) } },
        { at: now, caseId: c.id, dedupeKey: `delay-notice:${c.id}:${question}` });
      await alertEngineers(tx, deps, c, { notice: "alert.unanswered_delay", params: { customer: c.customer.name, date: since.date, time: since.time } },
        { at: now, dedupeKey: `delay-alert:${c.id}:${question}` });
      await recordCaseEvent(tx, { caseId: c.id, kind: "delay_notice", actorId: SCHEDULER_ACTOR, at: now, data: { questionAt: c.oldestUnansweredAt } });
    },
  };
}

export function sendDelayNotice(deps: ServiceDeps, input: JobInput & { caseId: number }): Promise<JobOutcome> {
  return runCaseTimer(deps, job(deps), input);
}
