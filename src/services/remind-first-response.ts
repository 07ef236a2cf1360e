// R-LIFE-7: engineers are reminded shortly before a normal case's first response falls due. A reminder whose
// deadline has already passed (the scheduler was down) is dropped: the overdue alert says more, and says it once.
import { recordCaseEvent } from "../db/cases/changes.ts";
import { isActive } from "../domain/case.ts";
import type { ServiceDeps } from "./deps.ts";
import { alertEngineers, alertRoute } from "./engineer-alert.ts";
import { notifyPerson } from "./notify-person.ts";
import { localDateTime, runCaseTimer, SCHEDULER_ACTOR, type CaseTimerJob, type JobInput, type JobOutcome } from "./scheduled-job.ts";

function job(deps: ServiceDeps): CaseTimerJob {
  return {
    job: "first-response-reminder",
    timer: "firstResponseRemindAt",
    plan(c, _dueAt, now) {
      if (!isActive(c.state)) return { send: false, detail: `the case is ${c.state}` };
      if (c.firstResponseAt || !c.firstResponseDueAt) return { send: false, detail: "the first response was given" };
      const due = localDateTime(deps, c.firstResponseDueAt).text;
      if (c.firstResponseDueAt <= now) return { send: false, detail: `superseded by the overdue alert (due ${due})` };
      return { send: true, detail: `remind engineers (${alertRoute(deps, c)}): first response due ${due}` };
    },
    async act(tx, c, _dueAt, now) {
      const due = localDateTime(deps, c.firstResponseDueAt ?? now);
      await alertEngineers(tx, deps, c, { notice: "alert.first_response_soon", params: { customer: c.customer.name, date: due.date, time: due.time } },
        { at: now, dedupeKey: `first-response-soon:${c.id}` });
      await notifyPerson(tx, deps, { userId: c.assigneeId, kind: "first_response_soon", caseId: c.id, data: { date: due.date, time: due.time }, dedupeKey: `first-response-soon:${c.id}`, at: now });
      await recordCaseEvent(tx, { caseId: c.id, kind: "first_response_reminded", actorId: SCHEDULER_ACTOR, at: now });
    },
  };
}

export function remindFirstResponse(deps: ServiceDeps, input: JobInput & { caseId: number }): Promise<JobOutcome> {
  return runCaseTimer(deps, job(deps), input);
}
