// Gauges read from the database at scrape time.
import type { Database } from "../db/client.ts";
import { gauge } from "./metrics.ts";

const TIMERS = ["firstResponseRemindAt", "firstResponseDueAt", "delayNoticeAt", "autoCloseRemindAt", "autoCloseAt"] as const;

export async function stateGauges(db: Database, now: Date): Promise<string> {
  const [byState, backlog, failed, held] = await Promise.all([
    db.client.case.groupBy({ by: ["state"], _count: { _all: true } }),
    db.client.outboxMessage.count({ where: { deliveredAt: null, failedAt: null } }),
    db.client.outboxMessage.count({ where: { failedAt: { not: null } } }),
    db.client.outboxMessage.groupBy({ by: ["heldCause"], where: { heldCause: { not: null }, deliveredAt: null }, _count: { _all: true } }),
  ]);
  // Scheduler lag: how long the oldest due timer has been waiting. Each query reads one index entry.
  const oldest = await Promise.all(TIMERS.map((column) =>
    db.client.case.findFirst({ where: { [column]: { lte: now } }, orderBy: { [column]: "asc" }, select: { [column]: true } })));
  let lagSeconds = 0;
  oldest.forEach((row, i) => {
    const at = row ? (row as unknown as Record<string, Date | null>)[TIMERS[i] as string] : null;
    if (at) lagSeconds = Math.max(lagSeconds, (now.getTime() - at.getTime()) / 1000);
  });
  return [
    gauge("incident_desk_cases", "Cases by state", byState.map((r) => ({ labels: { state: r.state }, value: r._count._all }))),
    gauge("incident_desk_outbox_backlog", "Messages waiting to be delivered to Slack", [{ value: backlog }]),
    gauge("incident_desk_outbox_failed", "Messages Slack refused for good (see logs)", [{ value: failed }]),
    // Always present, so an alert rule on it sees 0 rather than no data when nothing is held.
    gauge("incident_desk_outbox_held", "Messages held until Slack accepts them again, by Slack's error (npm run cli -- outbox list --held)",
      held.length ? held.map((r) => ({ labels: { cause: r.heldCause ?? "" }, value: r._count._all })) : [{ value: 0 }]),
    gauge("incident_desk_scheduler_lag_seconds", "Age of the oldest timed duty that is due but not done", [{ value: lagSeconds }]),
  ].join("\n");
}
