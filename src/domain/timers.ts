// When each timed duty of a case falls due (R-LIFE-2, R-LIFE-6, R-LIFE-7). Pure: the calendar and the message
// times come in as arguments; the scheduler only compares these instants with its clock.

export interface BusinessDays {
  addBusinessDays(instant: Date, n: number): Date;
  businessDaysBetween(from: Date, to: Date): number;
  localDate(instant: Date): string;
}

/** R-LIFE-2: no customer reply this many business days after the engineer's last answer closes the case. */
export const AUTO_CLOSE_BUSINESS_DAYS = 7;
/** The customer is reminded this many business days before the automatic close. */
export const AUTO_CLOSE_REMINDER_BUSINESS_DAYS = 5;
/** R-LIFE-6: an answer this many business days after the question is "late" and is announced. */
export const DELAY_NOTICE_BUSINESS_DAYS = 2;
/** R-LIFE-7: a normal case's first response is due within one business day. */
export const FIRST_RESPONSE_BUSINESS_DAYS = 1;
/** Engineers are reminded this long before a first response falls due. */
export const FIRST_RESPONSE_REMINDER_MS = 2 * 60 * 60 * 1000;

export interface FirstResponseTimers { firstResponseRemindAt: Date | null; firstResponseDueAt: Date | null }

export function firstResponseTimers(level: "normal" | "A", openedAt: Date, cal: BusinessDays): FirstResponseTimers {
  if (level !== "normal") return { firstResponseRemindAt: null, firstResponseDueAt: null };
  const due = cal.addBusinessDays(openedAt, FIRST_RESPONSE_BUSINESS_DAYS);
  return { firstResponseRemindAt: new Date(due.getTime() - FIRST_RESPONSE_REMINDER_MS), firstResponseDueAt: due };
}

export interface AutoCloseTimers { autoCloseRemindAt: Date; autoCloseAt: Date }

export function autoCloseTimers(lastEngineerMessageAt: Date, cal: BusinessDays): AutoCloseTimers {
  return {
    autoCloseRemindAt: cal.addBusinessDays(lastEngineerMessageAt, AUTO_CLOSE_REMINDER_BUSINESS_DAYS),
    autoCloseAt: cal.addBusinessDays(lastEngineerMessageAt, AUTO_CLOSE_BUSINESS_DAYS),
  };
}

export function delayNoticeAt(questionAt: Date, cal: BusinessDays): Date {
  return cal.addBusinessDays(questionAt, DELAY_NOTICE_BUSINESS_DAYS);
}

/** R-LIFE-6: an expected answer date this many business days after the question's day must be announced. */
export function isLateAnswerDate(questionAt: Date, expectedOn: string, cal: BusinessDays & { startOfDay(date: string): Date }): boolean {
  return cal.businessDaysBetween(questionAt, cal.startOfDay(expectedOn)) >= DELAY_NOTICE_BUSINESS_DAYS;
}
