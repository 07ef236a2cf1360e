// Gauges read from the database at scrape time.
import { caseCountsByState, oldestDue } from "../db/cases/delivery.ts";
import type { Database } from "../db/client.ts";
import { CASE_TIMERS } from "../db/cases/due.ts";
import { backlog, failedCount, heldCountsByCause } from "../db/outbox.ts";
import { gauge } from "./metrics.ts";

export async function stateGauges(db: Database, now: Date): Promise<string> {
  const [byState, waiting, failed, held] = await Promise.all([
    caseCountsByState(db.client),
    backlog(db),
    failedCount(db),
    heldCountsByCause(db),
  ]);
  // Scheduler lag: how long the oldest due timer has been waiting. Each query reads one index entry.
  const oldest = await Promise.all(CASE_TIMERS.map((timer) => oldestDue(db.client, timer, now)));
  let lagSeconds = 0;
  for (const at of oldest) if (at) lagSeconds = Math.max(lagSeconds, (now.getTime() - at.getTime()) / 1000);
  return [
    gauge("incident_desk_cases", "Cases by state", byState.map((r) => ({ labels: { state: r.state }, value: r.count }))),
    gauge("incident_desk_outbox_backlog", "Messages waiting to be delivered to Slack", [{ value: waiting }]),
    gauge("incident_desk_outbox_failed", "Messages Slack refused for good (see logs)", [{ value: failed }]),
    // Always present, so an alert rule on it sees 0 rather than no data when nothing is held.
    gauge("incident_desk_outbox_held", "Messages held until Slack accepts them again, by Slack's error (npm run cli -- outbox list --held)",
      held.length ? held.map((r) => ({ labels: { cause: r.cause ?? "" }, value: r.count })) : [{ value: 0 }]),
    gauge("incident_desk_scheduler_lag_seconds", "Age of the oldest timed duty that is due but not done", [{ value: lagSeconds }]),
  ].join("\n");
}
