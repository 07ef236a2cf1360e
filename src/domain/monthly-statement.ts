// When a channel's monthly usage statement is due: the first business day of each month, in the morning, reporting
// the month before. Pure: the calendar comes in as an argument.
import { addDays } from "./contract.ts";

export interface StatementCalendar {
  addBusinessDaysToDate(date: string, n: number): string;
  startOfDay(date: string): Date;
  localDate(instant: Date): string;
}

/** Local hour of the first business day at which the statement goes out. */
export const MONTHLY_STATEMENT_HOUR = 9;

/** The instant the statement of the month before `month` ("YYYY-MM") is due. */
export function monthlyStatementDue(month: string, cal: StatementCalendar): Date {
  const day = cal.addBusinessDaysToDate(`${month}-01`, 0);
  // Plain hours after midnight: Japan has no daylight saving.
  return new Date(cal.startOfDay(day).getTime() + MONTHLY_STATEMENT_HOUR * 3_600_000);
}

/** "YYYY-MM" of the month before. */
export function previousMonth(month: string): string {
  return addDays(`${month}-01`, -1).slice(0, 7);
}

/**
 * The latest month whose statement is due by `now`: this month once its first business morning has come, else the
 * month before. A channel that last posted in it is up to date.
 */
export function statementMonthDue(now: Date, cal: StatementCalendar): string {
  const month = cal.localDate(now).slice(0, 7);
  return monthlyStatementDue(month, cal) <= now ? month : previousMonth(month);
}
