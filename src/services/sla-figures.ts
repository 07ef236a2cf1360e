// A case's service-level figures are fixed when it ends (src/services/end-case.ts) and stored on it, so the SLA
// report reads numbers. Cases that ended before the figures were kept get theirs here, a batch per scheduler pass,
// measured as an ending case is; until then the report measures them itself, so nothing waits on this.
import { storeMissingSlaFigures, type SlaColumns } from "../db/cases/views-duties.ts";
import { endedWithoutSlaFigures } from "../db/cases/sla.ts";
import { slaFigures, type SlaFigures } from "../domain/sla-figures.ts";
import type { ServiceDeps } from "./deps.ts";

/** The columns that store a case's figures, fixed at `at`. */
export function slaColumns(f: SlaFigures, at: Date): SlaColumns {
  return { slaFirstResponseHours: f.firstResponseHours, slaResolutionDays: f.resolutionDays, slaBreached: f.breached, slaFiguredAt: at };
}

/** Fixes the figures of up to `limit` ended cases that have none; returns how many it fixed. */
export async function fixSlaFigures(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, input: { limit: number }): Promise<number> {
  const now = deps.clock.now();
  const cases = await endedWithoutSlaFigures(deps.db.client, input.limit);
  if (cases.length === 0) return 0;
  return deps.db.transaction(async (tx) => {
    let fixed = 0;
    for (const c of cases) {
      const figures = slaFigures(deps.calendar, { level: c.level, state: c.state, openedAt: c.createdAt, firstResponseAt: c.firstResponseAt, closedAt: c.closedAt }, now);
      // Conditional: another replica doing the same batch changes nothing twice.
      fixed += await storeMissingSlaFigures(tx, c.id, slaColumns(figures, now));
    }
    return fixed;
  });
}
