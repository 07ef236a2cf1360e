// What /readyz answers. Ready means the database answers, a transaction completes within a deadline (a driver
// stuck in a transaction that never ends fails this), the schema is this version's, and the app's own writes are
// not failing (a full disk or a held write lock lets a read succeed while every write fails).
import { probeTransaction } from "../db/probe.ts";
import type { Database } from "../db/client.ts";
import { faultSummary } from "../db/health.ts";
import { migrationStatus } from "../db/migrate.ts";

/** How long the probe may take: a load balancer's own timeout is usually a few seconds. */
const PROBE_DEADLINE_MS = 2_000;
/** A fault seen by the app's work counts this long, unless a write succeeds after it. */
const FAULT_WINDOW_MS = 60_000;

export type Readiness =
  | { status: "ready"; pending: [] }
  | { status: "database unreachable" | "database failing"; error: string }
  | { status: "migrations"; pending: string[] };

export async function readiness(db: Database): Promise<Readiness> {
  try {
    const status = await withDeadline(probe(db), PROBE_DEADLINE_MS);
    db.health.reachable();
    const fault = db.health.fault(FAULT_WINDOW_MS);
    if (fault) return { status: "database failing", error: fault.error };
    if (status.pending.length || status.unknown.length || status.modified.length) return { status: "migrations", pending: status.pending };
    return { status: "ready", pending: [] };
  } catch (error) {
    return { status: "database unreachable", error: faultSummary(error) };
  }
}

async function probe(db: Database): ReturnType<typeof migrationStatus> {
  await probeTransaction(db, PROBE_DEADLINE_MS);
  return migrationStatus(db);
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  // The probe may still settle after the deadline; its outcome no longer matters, but must not go unhandled.
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
