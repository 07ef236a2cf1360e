// When the notices about a contract's period fall due (R-CON-4, R-CON-2). Pure: the calendar and the dates
// come in as arguments.
import { addDays } from "./contract.ts";

/** R-CON-4: the customer is asked about renewal this many days before the contract's last valid day. */
export const RENEWAL_NOTICE_DAYS = 60;
/**
 * Notices about a contract are news, not alarms: they go out from this hour (local time) of a business day,
 * so a customer is never pinged at midnight or on a holiday about a date weeks away.
 */
export const NOTICE_HOUR = 10;
/**
 * An end notice this many days after the end is no longer news (the customer has long since been refused new
 * cases): it is marked as handled without being sent. This keeps a database restored from an old backup, or
 * contracts registered after they ended, from announcing long-past ends.
 */
export const END_NOTICE_STALE_DAYS = 30;

export interface NoticeCalendar {
  addBusinessDaysToDate(date: string, n: number): string;
  startOfDay(date: string): Date;
}

/** NOTICE_HOUR on the first business day on or after a date. */
export function noticeTime(date: string, cal: NoticeCalendar): Date {
  const day = cal.addBusinessDaysToDate(date, 0);
  // Plain hours after midnight: off by the shift on a daylight-saving day, which no business zone in Japan has.
  return new Date(cal.startOfDay(day).getTime() + NOTICE_HOUR * 3_600_000);
}

/** When the renewal notice of a contract ending on `endsOn` goes out. */
export function renewalNoticeDue(endsOn: string, cal: NoticeCalendar): Date {
  return noticeTime(addDays(endsOn, -RENEWAL_NOTICE_DAYS), cal);
}

/** The latest end date whose renewal notice may be due on `today` (notices never fall due before their date). */
export function renewalHorizon(today: string): string {
  return addDays(today, RENEWAL_NOTICE_DAYS);
}

/** When the notice that a contract has ended goes out: the morning of the first business day after its last day. */
export function endNoticeDue(endsOn: string, cal: NoticeCalendar): Date {
  return noticeTime(addDays(endsOn, 1), cal);
}

/** Whether an end notice would arrive too late to be useful (see END_NOTICE_STALE_DAYS). */
export function isEndNoticeStale(endsOn: string, today: string): boolean {
  return endsOn < addDays(today, -END_NOTICE_STALE_DAYS);
}
