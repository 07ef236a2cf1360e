// When a case's timed duties fall due (R-LIFE-2, R-LIFE-6, R-LIFE-7), computed on the real business calendar of
// Asia/Tokyo with the year-end break (R-CAL-1, R-CAL-2).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../../src/domain/calendar.ts";
import {
  AUTO_CLOSE_BUSINESS_DAYS, AUTO_CLOSE_REMINDER_BUSINESS_DAYS, autoCloseTimers, delayNoticeAt, firstResponseTimers,
  FIRST_RESPONSE_REMINDER_MS, isLateAnswerDate,
} from "../../src/domain/timers.ts";

const tokyo = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });
const jst = (local: string): Date => new Date(`${local}+09:00`);
/** Instants from 2026 to 2028, to the minute. */
const instant = fc.integer({ min: Date.parse("2026-01-01T00:00:00Z") / 60_000, max: Date.parse("2028-12-31T00:00:00Z") / 60_000 })
  .map((minutes) => new Date(minutes * 60_000));

describe("autoCloseTimers", () => {
  it("closes 7 business days after the engineer's last answer and reminds the customer 2 business days before (R-LIFE-2)", () => {
    // Friday 15:00: the weekend does not count; the close falls on the Tuesday after next at the same time.
    expect(autoCloseTimers(jst("2026-06-05T15:00:00"), tokyo)).toEqual({
      autoCloseRemindAt: jst("2026-06-12T15:00:00"),
      autoCloseAt: jst("2026-06-16T15:00:00"),
    });
  });

  it("skips national holidays and the year-end break (R-CAL-1, R-CAL-2)", () => {
    // Golden Week 2026: 4/29 and 5/3–5/6 are holidays, 5/2 a Saturday.
    expect(autoCloseTimers(jst("2026-04-28T10:00:00"), tokyo).autoCloseAt).toEqual(jst("2026-05-13T10:00:00"));
    // The year-end break 12/29–1/3, then 成人の日 on 1/11: counted 1/4–1/8, 1/12, 1/13.
    expect(autoCloseTimers(jst("2026-12-28T10:00:00"), tokyo).autoCloseAt).toEqual(jst("2027-01-13T10:00:00"));
  });

  it("counts an answer written on a day off from the start of the next business day", () => {
    // Saturday 10:00 counts as received at Monday 00:00; seven business days later is the next Wednesday's start.
    expect(autoCloseTimers(jst("2026-06-06T10:00:00"), tokyo).autoCloseAt).toEqual(jst("2026-06-17T00:00:00"));
  });

  it("always reminds before it closes, with the agreed number of business days in between", () => {
    fc.assert(fc.property(instant, (last) => {
      const { autoCloseRemindAt, autoCloseAt } = autoCloseTimers(last, tokyo);
      expect(autoCloseRemindAt.getTime()).toBeGreaterThan(last.getTime());
      expect(autoCloseAt.getTime()).toBeGreaterThan(autoCloseRemindAt.getTime());
      expect(tokyo.isBusinessDay(tokyo.localDate(autoCloseAt))).toBe(true);
      expect(tokyo.businessDaysBetween(autoCloseRemindAt, autoCloseAt)).toBe(AUTO_CLOSE_BUSINESS_DAYS - AUTO_CLOSE_REMINDER_BUSINESS_DAYS);
      if (tokyo.isBusinessDay(tokyo.localDate(last))) {
        expect(tokyo.businessDaysBetween(last, autoCloseAt)).toBe(AUTO_CLOSE_BUSINESS_DAYS);
      }
    }));
  });

  it("moves later when the engineer answers later (a customer's reply resets it, R-LIFE-2)", () => {
    fc.assert(fc.property(instant, instant, (a, b) => {
      const [earlier, later] = a <= b ? [a, b] : [b, a];
      expect(autoCloseTimers(later, tokyo).autoCloseAt.getTime()).toBeGreaterThanOrEqual(autoCloseTimers(earlier, tokyo).autoCloseAt.getTime());
    }));
  });
});

describe("firstResponseTimers", () => {
  it("gives a normal case one business day for its first response, with a reminder 2 hours before (R-LIFE-7)", () => {
    expect(firstResponseTimers("normal", jst("2026-06-05T15:00:00"), tokyo)).toEqual({
      firstResponseRemindAt: jst("2026-06-08T13:00:00"),
      firstResponseDueAt: jst("2026-06-08T15:00:00"),
    });
    fc.assert(fc.property(instant, (openedAt) => {
      const timers = firstResponseTimers("normal", openedAt, tokyo);
      expect(timers.firstResponseDueAt!.getTime() - timers.firstResponseRemindAt!.getTime()).toBe(FIRST_RESPONSE_REMINDER_MS);
    }));
  });

  it("sets no first-response deadline for level A, which takes more than a business day (R-LIFE-7)", () => {
    expect(firstResponseTimers("A", jst("2026-06-05T15:00:00"), tokyo)).toEqual({ firstResponseRemindAt: null, firstResponseDueAt: null });
  });
});

describe("delayNoticeAt and isLateAnswerDate", () => {
  it("tells the customer when no answer has come 2 business days after the question (R-LIFE-6)", () => {
    expect(delayNoticeAt(jst("2026-06-05T15:00:00"), tokyo)).toEqual(jst("2026-06-09T15:00:00"));
  });

  it("calls an expected answer date late from the second business day after the question's day (R-LIFE-6)", () => {
    const monday = jst("2026-06-08T10:00:00");
    expect(isLateAnswerDate(monday, "2026-06-09", tokyo)).toBe(false);
    expect(isLateAnswerDate(monday, "2026-06-10", tokyo)).toBe(true);
    // Friday's question, answered on Tuesday: Monday and Tuesday are the two business days.
    expect(isLateAnswerDate(jst("2026-06-05T10:00:00"), "2026-06-08", tokyo)).toBe(false);
    expect(isLateAnswerDate(jst("2026-06-05T10:00:00"), "2026-06-09", tokyo)).toBe(true);
  });
});
