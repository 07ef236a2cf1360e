// R-LIFE-7: engineers are alerted, once, when a normal case's first response is overdue.
import { recordCaseEvent } from "../db/cases/changes.ts";
import { isActive } from "../domain/case.ts";
import type { ServiceDeps } from "./deps.ts";
import { alertEngineers, alertRoute } from "./engineer-alert.ts";
import { notifyPerson } from "./notify-person.ts";
import { localDateTime, runCaseTimer, SCHEDULER_ACTOR, type CaseTimerJob, type JobInput, type JobOutcome } from "./scheduled-job.ts";

function job(deps: ServiceDeps): CaseTimerJob {
  return {
    job: "first-response-overdue",
    timer: "firstResponseDueAt",
    plan(c, dueAt) {
      if (!isActive(c.state)) return { send: false, detail: `the case is ${c.state}` };
      if (c.firstResponseAt) return { send: false, detail: "the first response was given" };
      if (c.level !== "normal") return { send: false, detail: "level A has no one-day target" };
      return { send: true, detail: `alert engineers (${alertRoute(deps, c)}): first response overdue since ${localDateTime(deps, dueAt).text}` };
    },
    async act(tx, c, dueAt, now) {
      const due = localDateTime(deps, dueAt);
      await alertEngineers(tx, deps, c, { notice: "alert.first_response_overdue", params: { customer: c.customer.name, date: due.date, time: due.time } },
        { at: now, dedupeKey: `first-response-overdue:${c.id}` });
      await notifyPerson(tx, deps, { userId: c.assigneeId, kind: "first_response_overdue", caseId: c.id, data: { date: due.date, time: due.time }, dedupeKey: `first-response-overdue:${c.id}`, at: now });
      await recordCaseEvent(tx, { caseId: c.id, kind: "first_response_overdue", actorId: SCHEDULER_ACTOR, at: now });
    },
  };
}

export function alertFirstResponseOverdue(deps: ServiceDeps, input: JobInput & { caseId: number }): Promise<JobOutcome> {
  return runCaseTimer(deps, job(deps), input);
}
