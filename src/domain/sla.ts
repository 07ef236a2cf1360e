// Service-level figures (R-LIFE-7, R-CAL): how long cases waited for their first response and for their end, in
// business time, and whether a normal case's first response came after its target. Pure: the calendar and the
// instants come in as arguments.
import { firstResponseTimers, type BusinessDays } from "./timers.ts";

export interface SlaCalendar extends BusinessDays {
  isBusinessDay(date: string): boolean;
  startOfDay(date: string): Date;
}

const DAY_MS = 86_400_000;

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * Milliseconds from one instant to another that fall on business days (whole local days count; weekends, holidays
 * and T4U's closing days do not). A question on Friday evening answered on Monday morning waited a few hours.
 */
export function businessMs(cal: SlaCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  const d0 = cal.localDate(from);
  const d1 = cal.localDate(to);
  if (d0 === d1) return cal.isBusinessDay(d0) ? to.getTime() - from.getTime() : 0;
  const first = cal.isBusinessDay(d0) ? cal.startOfDay(nextDate(d0)).getTime() - from.getTime() : 0;
  const last = cal.isBusinessDay(d1) ? to.getTime() - cal.startOfDay(d1).getTime() : 0;
  // Business days strictly between the two dates, each a whole day.
  const between = cal.businessDaysBetween(from, to) - (cal.isBusinessDay(d1) ? 1 : 0);
  return first + Math.max(0, between) * DAY_MS + last;
}

/** The nearest-rank percentile (p in 0..100) of some values; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/**
 * Whether a case missed its first-response target: a normal case answered (or, unanswered, still waiting at `now`)
 * after the due time the reminders use. Level A cases take more than a business day by definition: no target.
 */
export function firstResponseBreached(cal: SlaCalendar, c: { level: string; openedAt: Date; firstResponseAt: Date | null }, now: Date): boolean {
  if (c.level !== "normal") return false;
  const due = firstResponseTimers("normal", c.openedAt, cal).firstResponseDueAt;
  if (!due) return false;
  return (c.firstResponseAt ?? now) > due;
}
