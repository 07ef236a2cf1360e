// When the managers' weekly digest falls due, and which week it covers. Pure: dates and the calendar come in.
import { addDays } from "./contract.ts";

export interface DigestCalendar {
  addBusinessDaysToDate(date: string, n: number): string;
  startOfDay(date: string): Date;
}

export interface DigestSchedule {
  /** ISO weekday the digest goes out on (1 Monday … 7 Sunday); on a holiday, the next business day. */
  weekday: number;
  /** Local hour it goes out at. */
  hour: number;
}

export const DEFAULT_DIGEST: DigestSchedule = { weekday: 1, hour: 9 };

/** The Monday of the week a local date lies in: the key of that week's digest. */
export function weekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday
  return addDays(date, -((day + 6) % 7));
}

/** The week a digest sent in the week of `monday` reports on: the seven days before it. */
export function reportedWeek(monday: string): { from: string; to: string } {
  return { from: addDays(monday, -7), to: addDays(monday, -1) };
}

/** The instant the digest of the week starting `monday` is due. */
export function digestDue(monday: string, schedule: DigestSchedule, cal: DigestCalendar): Date {
  const day = cal.addBusinessDaysToDate(addDays(monday, schedule.weekday - 1), 0);
  // Plain hours after midnight: Japan has no daylight saving.
  return new Date(cal.startOfDay(day).getTime() + schedule.hour * 3_600_000);
}

/** What the digest says about one week, as data: rendered in the recipient's language when delivered. */
export type DigestFigures = {
  from: string;
  to: string;
  opened: number;
  ended: number;
  consumed: number;
  released: number;
  /** Customers whose contracts end within 60 days without a renewal, soonest first (names, at most ten). */
  ending: { count: number; names: string[] };
  /** Customers with nothing left, or forecast to run out before their contract ends. */
  runningOut: { count: number; names: string[] };
  /** Normal cases opened in the week whose first response missed its target (R-LIFE-7). */
  breaches: number;
  ratings: { count: number; average: number | null };
};
