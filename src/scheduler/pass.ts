// One pass of the scheduler: as of one instant, find every timed duty that is due and hand each to its service.
// The services make each duty happen once (see services/scheduled-job.ts); this file only decides what is due
// and in which order. Every read goes through an indexed timer column in batches, so a pass costs in proportion
// to what is due, however many cases are stored.
import { dueCases, type CaseTimer, type DueCase } from "../db/cases/due.ts";
import { unsentEndNotices, unsentExhaustedNotices, unsentRenewalNotices, type DueContract } from "../db/contracts/due.ts";
import { endNoticeDue, renewalHorizon, renewalNoticeDue } from "../domain/contract-notices.ts";
import type { Logger } from "../logger.ts";
import { alertFirstResponseOverdue } from "../services/alert-first-response-overdue.ts";
import { autoCloseCase } from "../services/auto-close-case.ts";
import type { ContractNoticeInput, NoticeColumn } from "../services/contract-notice.ts";
import type { ServiceDeps } from "../services/deps.ts";
import { remindAutoClose } from "../services/remind-auto-close.ts";
import { remindFirstResponse } from "../services/remind-first-response.ts";
import type { JobInput, JobName, JobOutcome } from "../services/scheduled-job.ts";
import { sendContractEndedNotice } from "../services/send-contract-ended-notice.ts";
import { sendDelayNotice } from "../services/send-delay-notice.ts";
import { sendExhaustedNotice } from "../services/send-exhausted-notice.ts";
import { sendRenewalNotice } from "../services/send-renewal-notice.ts";
import { sendRenewalReminder } from "../services/send-renewal-reminder.ts";
import { unremindedRenewals } from "../db/contracts/renewals.ts";
import { addDays } from "../domain/contract.ts";
import { RENEWAL_REMINDER_DAYS, renewalReminderDue } from "../domain/renewal.ts";
import { skipUncomputableContract } from "../services/skip-uncomputable-contract.ts";
import { sendWeeklyDigests } from "../services/send-digest.ts";
import { notifyClosingTomorrow } from "../services/notify-closing-tomorrow.ts";
import { fixSlaFigures } from "../services/sla-figures.ts";
import { postMonthlyStatements } from "../services/monthly-statement.ts";

/**
 * A case timer is acted on only once it has been due this long. Slack retries an event delivery for a few
 * minutes, and a message counts from when it was written (R-LIFE-2), so a customer's reply written just before
 * the deadline but delivered just after it must still stop the automatic close.
 */
export const LATE_DELIVERY_GRACE_MS = 10 * 60_000;
export const DEFAULT_BATCH_SIZE = 100;
/** Ended cases given their service-level figures per pass: small enough that the one transaction stays short. */
const SLA_FIGURES_BATCH = 200;

export interface PassOptions {
  dryRun?: boolean;
  /** How customers reach T4U about contracts, shown in contract notices. */
  contact: string;
  batchSize?: number;
  graceMs?: number;
  logger?: Logger;
  /** Called with each outcome as it happens (the CLI prints them one by one). */
  onOutcome?: (outcome: JobOutcome) => void;
}

export interface PassReport {
  asOf: Date;
  dryRun: boolean;
  outcomes: JobOutcome[];
}

interface CaseJob { timer: CaseTimer; job: JobName; run(deps: ServiceDeps, input: JobInput & { caseId: number }): Promise<JobOutcome> }

// Reminders come before the deadlines they announce, so that a reminder overtaken by its deadline (after
// downtime) is seen and dropped in favour of the deadline's own message.
const CASE_JOBS: readonly CaseJob[] = [
  { timer: "firstResponseRemindAt", job: "first-response-reminder", run: remindFirstResponse },
  { timer: "firstResponseDueAt", job: "first-response-overdue", run: alertFirstResponseOverdue },
  { timer: "delayNoticeAt", job: "delay-notice", run: sendDelayNotice },
  { timer: "autoCloseRemindAt", job: "auto-close-reminder", run: remindAutoClose },
  { timer: "autoCloseAt", job: "auto-close", run: autoCloseCase },
];

interface ContractJob {
  job: JobName;
  /** The notice column the duty sets once handled. */
  column: NoticeColumn;
  find(deps: ServiceDeps, today: string, after: DueContract | null, limit: number): Promise<DueContract[]>;
  /** When the notice of a contract ending on `endsOn` is due; candidates come in this order, so the first not yet due ends the batch. */
  dueAt?(deps: ServiceDeps, endsOn: string): Date;
  run(deps: ServiceDeps, input: ContractNoticeInput): Promise<JobOutcome>;
}

// Exhaustion is looked at after the automatic closes of this pass, which may have consumed the last incidents.
const CONTRACT_JOBS: readonly ContractJob[] = [
  { job: "contract-exhausted", column: "exhaustedNoticeAt", find: (deps, today, after, limit) => unsentExhaustedNotices(deps.db, today, after, limit), run: sendExhaustedNotice },
  {
    job: "contract-ended", column: "endNoticeAt", find: (deps, today, after, limit) => unsentEndNotices(deps.db, today, after, limit),
    dueAt: (deps, endsOn) => endNoticeDue(endsOn, deps.calendar), run: sendContractEndedNotice,
  },
  {
    job: "renewal-notice", column: "renewalNoticeAt", find: (deps, today, after, limit) => unsentRenewalNotices(deps.db, today, renewalHorizon(today), after, limit),
    dueAt: (deps, endsOn) => renewalNoticeDue(endsOn, deps.calendar), run: sendRenewalNotice,
  },
  // After the notices of this pass: a reminder never goes out before the notice it follows up.
  {
    job: "renewal-reminder", column: "renewalReminderAt",
    find: (deps, today, after, limit) => unremindedRenewals(deps.db, today, addDays(today, RENEWAL_REMINDER_DAYS), after, limit),
    dueAt: (deps, endsOn) => renewalReminderDue(endsOn, deps.calendar), run: sendRenewalReminder,
  },
];

export async function runPass(deps: ServiceDeps, options: PassOptions): Promise<PassReport> {
  const asOf = deps.clock.now();
  const dryRun = options.dryRun ?? false;
  const limit = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const dueBy = new Date(asOf.getTime() - (options.graceMs ?? LATE_DELIVERY_GRACE_MS));
  const today = deps.calendar.localDate(asOf);
  const outcomes: JobOutcome[] = [];

  // Logs name the case or contract by id only: subjects carry customer names.
  const attempt = async (job: JobName, ref: { caseId: number } | { contractId: number }, work: () => Promise<JobOutcome>) => {
    let outcome: JobOutcome;
    try {
      outcome = await work();
    } catch (error) {
      // One duty failing must not hold up the others; it stays due and the next pass tries it again.
      const message = error instanceof Error ? error.message : String(error);
      options.logger?.error("scheduled duty failed", { job, ...ref, error: message });
      outcome = { job, subject: "caseId" in ref ? `case ${ref.caseId}` : `contract ${ref.contractId}`, result: "failed", detail: message };
    }
    if (outcome.result === "not_due") return;
    if (outcome.result !== "failed") options.logger?.info("scheduled duty", { job, ...ref, result: outcome.result, dryRun, detail: outcome.detail });
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  };

  for (const job of CASE_JOBS) {
    let after: DueCase | null = null;
    for (;;) {
      const batch = await dueCases(deps.db, job.timer, dueBy, after, limit);
      for (const row of batch) await attempt(job.job, { caseId: row.id }, () => job.run(deps, { caseId: row.id, dryRun }));
      if (batch.length < limit) break;
      after = batch.at(-1) ?? null;
    }
  }

  // After the closes of this pass: a case that closed now is no longer closing tomorrow. A message to the engineer,
  // not a duty on the case: logged, not reported with the case's duties.
  try {
    for (const outcome of await notifyClosingTomorrow(deps, { dryRun, limit })) {
      options.logger?.info("scheduled duty", { job: outcome.job, subject: outcome.subject, result: outcome.result, dryRun, detail: outcome.detail });
    }
  } catch (error) {
    options.logger?.error("scheduled duty failed", { job: "auto-close-tomorrow", error: error instanceof Error ? error.message : String(error) });
  }

  for (const job of CONTRACT_JOBS) {
    let after: DueContract | null = null;
    let more = true;
    while (more) {
      const batch = await job.find(deps, today, after, limit);
      more = batch.length === limit;
      for (const row of batch) {
        // A stored contract whose dates the calendar cannot compute with is skipped (managers are told), not
        // allowed to throw here, before the duties' own isolation, and stop every contract notice of every pass.
        const skip = (error: RangeError) => skipUncomputableContract(deps, { contractId: row.id, job: job.job, column: job.column, error: error.message, dryRun });
        let dueAt: Date | null;
        try {
          dueAt = job.dueAt ? job.dueAt(deps, row.endsOn) : null;
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          await attempt(job.job, { contractId: row.id }, () => skip(error));
          continue;
        }
        if (dueAt && dueAt > asOf) {
          more = false;
          break;
        }
        await attempt(job.job, { contractId: row.id }, () => job.run(deps, { contractId: row.id, contact: options.contact, dryRun })
          .catch((error: unknown) => { if (error instanceof RangeError) return skip(error); throw error; }));
      }
      after = batch.at(-1) ?? null;
    }
  }

  // The weekly digest and the channels' monthly statements come last, so that they report the closes and notices of
  // this very pass.
  const periodic = async (job: JobName, subject: string, run: () => Promise<JobOutcome[]>) => {
    let done: JobOutcome[];
    try {
      done = await run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.logger?.error("scheduled duty failed", { job, error: message });
      done = [{ job, subject, result: "failed", detail: message }];
    }
    for (const outcome of done) {
      if (outcome.result !== "failed") options.logger?.info("scheduled duty", { job: outcome.job, subject: outcome.subject, result: outcome.result, dryRun, detail: outcome.detail });
      outcomes.push(outcome);
      options.onOutcome?.(outcome);
    }
  };
  await periodic("weekly-digest", "weekly digest", () => sendWeeklyDigests(deps, deps.digest, { dryRun }));
  await periodic("monthly-statement", "monthly usage statements", () => postMonthlyStatements(deps, { dryRun }));
  // Housekeeping after an upgrade: cases that ended before their service-level figures were kept get them, a batch
  // a pass (the SLA report measures them itself meanwhile). Logged, not reported: nobody is told anything.
  if (!dryRun) {
    try {
      const fixed = await fixSlaFigures(deps, { limit: SLA_FIGURES_BATCH });
      if (fixed > 0) options.logger?.info("case service-level figures fixed", { cases: fixed });
    } catch (error) {
      options.logger?.error("scheduled duty failed", { job: "sla-figures", error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { asOf, dryRun, outcomes };
}

/** "3 done, 1 skipped" — the counts of a pass, for the log and the CLI's last line. */
export function summarize(report: PassReport): Record<Exclude<JobOutcome["result"], "not_due">, number> {
  const counts = { done: 0, skipped: 0, taken: 0, failed: 0 };
  for (const o of report.outcomes) if (o.result !== "not_due") counts[o.result] += 1;
  return counts;
}
