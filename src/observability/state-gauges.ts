// Gauges read from the database at scrape time.
import type { Database } from "../db/client.ts";
import { gauge } from "./metrics.ts";

const TIMERS = ["firstResponseRemindAt", "firstResponseDueAt", "delayNoticeAt", "autoCloseRemindAt", "autoCloseAt"] as const;

export async function stateGauges(db: Database, now: Date): Promise<string> {
  const [byState, backlog, failed] = await Promise.all([
    db.client.case.groupBy({ by: ["state"], _count: { _all: true } }),
    db.client.outboxMessage.count({ where: { deliveredAt: null, failedAt: null } }),
    db.client.outboxMessage.count({ where: { failedAt: { not: null } } }),
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
    gauge("incident_desk_scheduler_lag_seconds", "Age of the oldest timed duty that is due but not done", [{ value: lagSeconds }]),
  ].join("\n");
}
