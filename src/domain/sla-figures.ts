// A case's service-level figures (R-LIFE-7, R-CAL) as the SLA report counts them. Fixed when the case ends and
// stored on it, so the report sums numbers; computed the same way for a case still active, as of now. Pure: the
// calendar and the instants come in as arguments.
import { businessMs, firstResponseBreached, type SlaCalendar } from "./sla.ts";

export interface SlaFigures {
  /** Business hours from opening to the first response; null while (or if ever) unanswered. */
  firstResponseHours: number | null;
  /** Business days from opening to the end, for a case resolved or closed; null otherwise. */
  resolutionDays: number | null;
  /** A normal case whose first response came after its target, or that waited past it unanswered. */
  breached: boolean;
}

export interface SlaCase {
  level: string;
  state: string;
  openedAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
}

const HOUR = 3_600_000;
const ENDED_WITH_ANSWER = new Set(["resolved", "closed"]);

/**
 * The figures of a case as of `now`. An ended case is measured at its end: one that ended unanswered before its
 * first-response target (a customer who withdrew within the hour) did not miss it, however late the report is read.
 */
export function slaFigures(cal: SlaCalendar, c: SlaCase, now: Date): SlaFigures {
  const asOf = c.closedAt ?? now;
  return {
    firstResponseHours: c.firstResponseAt ? businessMs(cal, c.openedAt, c.firstResponseAt) / HOUR : null,
    resolutionDays: c.closedAt && ENDED_WITH_ANSWER.has(c.state) ? businessMs(cal, c.openedAt, c.closedAt) / (24 * HOUR) : null,
    breached: firstResponseBreached(cal, { level: c.level, openedAt: c.openedAt, firstResponseAt: c.firstResponseAt }, asOf),
  };
}
