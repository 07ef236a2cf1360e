// The engineer who has a case waiting on the customer is told the day before it closes by itself (R-LIFE-2), so
// that a last word to the customer is a choice and not an oversight. Run by every scheduler pass: a case closing
// by the end of tomorrow (business timezone) is due; the notification's key (case and close time) makes it once,
// and a close moved by a new message is a new close, told anew.
import { DateTime } from "luxon";
import { closingState } from "../db/cases/views-duties.ts";
import { closingCases } from "../db/cases/views-duties.ts";
import { notifiedKeys } from "../db/notifications.ts";
import type { ServiceDeps } from "./deps.ts";
import { notifyPerson } from "./notify-person.ts";
import { localDateTime, type JobOutcome } from "./scheduled-job.ts";
import { caseNumber } from "../domain/case.ts";

/** Start of the day after tomorrow, in the business timezone: cases closing before it close today or tomorrow. */
export function closingHorizon(now: Date, timezone: string): Date {
  return DateTime.fromJSDate(now, { zone: timezone }).startOf("day").plus({ days: 2 }).toJSDate();
}

export async function notifyClosingTomorrow(deps: ServiceDeps, options: { dryRun?: boolean; limit?: number }): Promise<JobOutcome[]> {
  const now = deps.clock.now();
  const until = closingHorizon(now, deps.calendar.timezone);
  const limit = options.limit ?? 100;
  const outcomes: JobOutcome[] = [];
  let afterId = 0;
  for (;;) {
    const batch = await closingCases(deps.db.client, until, afterId, limit);
    const told = await notifiedKeys(deps.db.client, batch.map((c) => keyOf(c.id, c.autoCloseAt)));
    for (const c of batch) {
      if (told.has(keyOf(c.id, c.autoCloseAt)) || c.autoCloseAt <= now) continue;
      const { date, time, text } = localDateTime(deps, c.autoCloseAt);
      const subject = caseNumber(c.id);
      if (options.dryRun) {
        outcomes.push({ job: "auto-close-tomorrow", subject, result: "done", detail: `tell the assignee: closes ${text}` });
        continue;
      }
      const outcome = await deps.db.transaction(async (tx) => {
        // Read again inside: a reply or a new assignee since the batch was read changes what is true.
        const current = await closingState(tx, c.id);
        if (current?.state !== "answered" || current.autoCloseAt?.getTime() !== c.autoCloseAt.getTime()) return "taken" as const;
        await notifyPerson(tx, deps, { userId: current.assigneeId, kind: "auto_close_tomorrow", caseId: c.id, data: { date, time }, dedupeKey: keyOf(c.id, c.autoCloseAt), at: now });
        return "done" as const;
      });
      outcomes.push({ job: "auto-close-tomorrow", subject, result: outcome, detail: outcome === "done" ? `assignee told: closes ${text}` : "the case changed" });
    }
    if (batch.length < limit) break;
    afterId = batch.at(-1)?.id ?? afterId;
  }
  if (outcomes.some((o) => o.result === "done") && !options.dryRun) deps.onOutbox?.();
  return outcomes;
}

function keyOf(caseId: number, closeAt: Date): string {
  return `auto-close-tomorrow:${caseId}:${closeAt.getTime()}`;
}
