// What the timed duties have in common: the outcome they report, and the claim that makes each of them run
// once. A duty on a case is claimed by clearing its timer with a conditional update in the same transaction
// that writes its messages: of several replicas (or a crashed run and its restart), only one update matches,
// and a crash before the commit leaves the timer set for the next pass.
import { DateTime } from "luxon";
import { claimCaseTimer, timedCase } from "../db/cases/views-duties.ts";
import type { Tx } from "../db/client.ts";
import type { CaseTimer } from "../db/cases/due.ts";
import { caseNumber } from "../domain/case.ts";
import type { ServiceDeps } from "./deps.ts";

export type JobName =
  | "first-response-reminder" | "first-response-overdue" | "delay-notice" | "auto-close-reminder" | "auto-close"
  | "contract-exhausted" | "contract-ended" | "renewal-notice" | "renewal-reminder" | "weekly-digest" | "auto-close-tomorrow"
  | "monthly-statement";

/**
 * done: the duty was carried out (or, in a dry run, would be). skipped: it was due but no longer applies, and
 * is cleared without a message. taken: someone got there first (another process, or a message that cleared the
 * timer) between the pass finding the duty and claiming it. not_due: nothing to do (yet).
 * failed: an error; the duty stays due and the next pass tries again.
 */
export type JobResult = "done" | "skipped" | "taken" | "not_due" | "failed";

export interface JobOutcome {
  job: JobName;
  /** What the duty is about, for operators: "#0042 株式会社サンプル", "contract 7 株式会社サンプル". */
  subject: string;
  result: JobResult;
  /** What was (or would be) done, or why not; operators read it in the CLI and the logs. */
  detail: string;
}

export interface JobInput { dryRun?: boolean }

/** The actor recorded on what the scheduler does (case events, ledger entries, closedBy). */
export const SCHEDULER_ACTOR = "scheduler";

export const TAKEN = "already handled by another process";

/** "2026-05-14 15:00" in the business timezone: how operators and alerts read an instant. */
export function localDateTime(deps: Pick<ServiceDeps, "calendar">, at: Date): { date: string; time: string; text: string } {
  const local = DateTime.fromJSDate(at, { zone: deps.calendar.timezone });
  const date = local.toFormat("yyyy-MM-dd");
  const time = local.toFormat("HH:mm");
  return { date, time, text: `${date} ${time}` };
}

export async function loadTimedCase(db: Tx, caseId: number) {
  return timedCase(db, caseId);
}

export type TimedCase = NonNullable<Awaited<ReturnType<typeof loadTimedCase>>>;

export function caseSubject(c: Pick<TimedCase, "id" | "customer">): string {
  return `${caseNumber(c.id)} ${c.customer.name}`;
}

export type Plan = { send: true; detail: string } | { send: false; detail: string };

export interface CaseTimerJob {
  job: JobName;
  timer: CaseTimer;
  /**
   * Decides, from the case as it is now, whether the duty still applies; `dueAt` is the timer's value before the
   * claim cleared it. The same decision serves a dry run and a real one.
   */
  plan(c: TimedCase, dueAt: Date, now: Date): Plan;
  /** Writes the duty's messages and record, inside the claiming transaction. */
  act(tx: Tx, c: TimedCase, dueAt: Date, now: Date): Promise<void>;
}

/** Runs one due timer of one case: claim, decide, act, all in one transaction (or only decide, in a dry run). */
export async function runCaseTimer(deps: ServiceDeps, spec: CaseTimerJob, input: JobInput & { caseId: number }): Promise<JobOutcome> {
  const now = deps.clock.now();
  const outcome = (c: TimedCase | null, result: JobResult, detail: string): JobOutcome =>
    ({ job: spec.job, subject: c ? caseSubject(c) : caseNumber(input.caseId), result, detail });
  if (input.dryRun) {
    const c = await loadTimedCase(deps.db.client, input.caseId);
    const dueAt = c?.[spec.timer];
    if (!c || !dueAt || dueAt > now) return outcome(c, "not_due", "not due");
    const plan = spec.plan(c, dueAt, now);
    return outcome(c, plan.send ? "done" : "skipped", plan.detail);
  }
  const result = await deps.db.transaction(async (tx): Promise<JobOutcome> => {
    const before = await loadTimedCase(tx, input.caseId);
    const dueAt = before?.[spec.timer];
    if (!before || !dueAt) return outcome(before, "taken", TAKEN);
    // A message since the pass looked has moved the timer (a reply restarts the auto-close clock).
    if (dueAt > now) return outcome(before, "not_due", "no longer due");
    if (!await claimCaseTimer(tx, input.caseId, spec.timer, now)) return outcome(before, "taken", TAKEN);
    // Read again under the claim: the case may have changed between the first read and the update.
    const c = await loadTimedCase(tx, input.caseId) ?? before;
    const plan = spec.plan(c, dueAt, now);
    if (plan.send) await spec.act(tx, c, dueAt, now);
    return outcome(c, plan.send ? "done" : "skipped", plan.detail);
  });
  if (result.result === "done") deps.onOutbox?.();
  return result;
}
