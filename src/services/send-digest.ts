// The managers' weekly digest: on the configured business-day morning, each recipient (a manager's direct message
// or the triage channel) gets last week's figures once. The claim is the insert of the week's delivery row for the
// recipient: with several replicas only one insert succeeds, in the same transaction as the outbox messages (the
// digest and its chart of monthly incidents per customer).
import { casesEndedIn, casesOpenedIn, normalCasesOpenedIn } from "../db/cases/statements.ts";
import { isUniqueViolation } from "../db/client.ts";
import { claimDigest, recipientsSent } from "../db/contracts/digest.ts";
import { settledInSpan } from "../db/contracts/ledger.ts";
import { enqueue } from "../db/outbox.ts";
import { ratingsInSpan } from "../db/cases/ratings.ts";
import { digestDue, reportedWeek, weekOf, type DigestFigures, type DigestSchedule } from "../domain/digest.ts";
import { firstResponseBreached } from "../domain/sla.ts";
import { balanceOverview } from "./balance-overview.ts";
import type { ServiceDeps } from "./deps.ts";
import { monthlyUsage } from "./usage-chart.ts";
import type { JobInput, JobOutcome } from "./scheduled-job.ts";

/** Where the digest goes and when; set from DIGEST_RECIPIENTS, DIGEST_WEEKDAY and DIGEST_HOUR. */
export interface DigestSettings extends DigestSchedule { recipients: readonly string[] }

const NAMES = 10;
/** The digest's chart: incidents consumed per customer in the six months through the reported week. */
const CHART_MONTHS = 6;

export async function digestFigures(deps: Pick<ServiceDeps, "db" | "calendar" | "clock" | "forecastWindowDays">, monday: string): Promise<DigestFigures> {
  const { from, to } = reportedWeek(monday);
  const range = { gte: deps.calendar.startOfDay(from), lt: deps.calendar.startOfDay(monday) };
  const client = deps.db.client;
  const [opened, ended, settled, newCases, ratings, balances] = await Promise.all([
    casesOpenedIn(client, range),
    casesEndedIn(client, range),
    settledInSpan(client, range),
    normalCasesOpenedIn(client, range),
    ratingsInSpan(client, range),
    balanceOverview(deps),
  ]);
  const now = deps.clock.now();
  const ending = balances.filter((b) => b.attention === "expiring");
  const runningOut = balances.filter((b) => b.attention === "running_out" || b.attention === "exhausted");
  return {
    from, to, opened, ended, consumed: settled.consumed, released: settled.released,
    ending: { count: ending.length, names: ending.slice(0, NAMES).map((b) => b.name) },
    runningOut: { count: runningOut.length, names: runningOut.slice(0, NAMES).map((b) => b.name) },
    breaches: newCases.filter((c) => firstResponseBreached(deps.calendar, { level: c.level, openedAt: c.createdAt, firstResponseAt: c.firstResponseAt }, now)).length,
    ratings: { count: ratings.count, average: ratings.average === null ? null : Math.round(ratings.average * 10) / 10 },
  };
}

/** This week's digest for every recipient not yet sent one, once it is due. */
export async function sendWeeklyDigests(deps: ServiceDeps, settings: DigestSettings | undefined, input: JobInput = {}): Promise<JobOutcome[]> {
  if (!settings || settings.recipients.length === 0) return [];
  const now = deps.clock.now();
  const monday = weekOf(deps.calendar.localDate(now));
  if (digestDue(monday, settings, deps.calendar) > now) return [];
  const sent = new Set(await recipientsSent(deps.db.client, monday, settings.recipients));
  const due = settings.recipients.filter((r) => !sent.has(r));
  if (due.length === 0) return [];
  const figures = await digestFigures(deps, monday);
  const chart = await monthlyUsage(deps, { months: CHART_MONTHS, through: figures.to });
  const outcomes: JobOutcome[] = [];
  for (const recipient of due) {
    const outcome = (result: JobOutcome["result"], detail: string): JobOutcome => ({ job: "weekly-digest", subject: `${recipient} ${monday}`, result, detail });
    if (input.dryRun) {
      outcomes.push(outcome("done", `would send the digest of ${figures.from} – ${figures.to}`));
      continue;
    }
    try {
      await deps.db.transaction(async (tx) => {
        await claimDigest(tx, recipient, monday, now);
        await enqueue(tx, recipient, { kind: "digest.post", weekOf: monday, figures }, { at: now });
        await enqueue(tx, recipient, { kind: "digest.chart", weekOf: monday, chart }, { at: now });
      });
      outcomes.push(outcome("done", `sent the digest of ${figures.from} – ${figures.to}`));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      outcomes.push(outcome("taken", "already sent by another process"));
    }
  }
  if (outcomes.some((o) => o.result === "done")) deps.onOutbox?.();
  return outcomes;
}
