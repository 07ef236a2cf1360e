// R-LIFE-2: before a case closes by itself, the customer is reminded in its thread (2 business days ahead),
// so that "no reply" is a choice and not an oversight. A reminder that comes due together with the close
// itself (the scheduler was down) is dropped: a reminder of something already happening is noise.
import { recordCaseEvent } from "../db/cases/changes.ts";
import { enqueue } from "../db/outbox.ts";
import type { ServiceDeps } from "./deps.ts";
import { localDateTime, runCaseTimer, SCHEDULER_ACTOR, type CaseTimerJob, type JobInput, type JobOutcome } from "./scheduled-job.ts";

function job(deps: ServiceDeps): CaseTimerJob {
  return {
    job: "auto-close-reminder",
    timer: "autoCloseRemindAt",
    plan(c, _dueAt, now) {
      if (c.state !== "answered") return { send: false, detail: `the case is ${c.state}, not waiting on the customer` };
      if (!c.autoCloseAt) return { send: false, detail: "no automatic close is planned" };
      const at = localDateTime(deps, c.autoCloseAt).text;
      if (c.autoCloseAt <= now) return { send: false, detail: `superseded: the case closes now (due ${at})` };
      return { send: true, detail: `remind the customer: closes ${at} unless they reply` };
    },
    async act(tx, c, _dueAt, now) {
      const closeAt = c.autoCloseAt ?? now;
      const { date, time } = localDateTime(deps, closeAt);
      await enqueue(tx, c.channelId, { kind: "case.notice", caseId: c.id, notice: "notice.auto_close_soon", params: { date, time } },
        { at: now, caseId: c.id, dedupeKey: `auto-close-soon:${c.id}:${closeAt.getTime()}` });
      await recordCaseEvent(tx, { caseId: c.id, kind: "auto_close_reminded", actorId: SCHEDULER_ACTOR, at: now, data: { closesAt: closeAt } });
    },
  };
}

export function remindAutoClose(deps: ServiceDeps, input: JobInput & { caseId: number }): Promise<JobOutcome> {
  return runCaseTimer(deps, job(deps), input);
}
