// The baseline for the calendar section: business days counted one day at a time with luxon, the way one would
// write it without an index. Same definition as BusinessCalendar (docs/business-days.md): a business day is a
// local date that is not a Saturday or Sunday, a national holiday (@holiday-jp/holiday_jp) or a closing day.
import holidayJp from "@holiday-jp/holiday_jp";
import { DateTime } from "luxon";

export class NaiveCalendar {
  private readonly holidays = new Set(Object.keys(holidayJp.holidays));

  /** `closed`: every-year closing ranges as [from, to] of month * 100 + day, wrapping over New Year if to < from. */
  constructor(private readonly zone: string, private readonly closed: ReadonlyArray<readonly [number, number]>) {}

  isBusinessDay(day: DateTime): boolean {
    if (day.weekday >= 6) return false;
    if (this.holidays.has(day.toISODate() ?? "")) return false;
    const md = day.month * 100 + day.day;
    return !this.closed.some(([from, to]) => (from <= to ? md >= from && md <= to : md >= from || md <= to));
  }

  /** N business days after t: on a business day keep the time of day; otherwise start from the next business day's 00:00. */
  addBusinessDays(t: Date, n: number): Date {
    let day = DateTime.fromJSDate(t, { zone: this.zone });
    if (!this.isBusinessDay(day)) {
      day = day.startOf("day");
      do day = day.plus({ days: 1 });
      while (!this.isBusinessDay(day));
    }
    for (let left = n; left > 0;) {
      day = day.plus({ days: 1 });
      if (this.isBusinessDay(day)) left -= 1;
    }
    return day.toJSDate();
  }

  /** Business days d with localDate(from) < d <= localDate(to). */
  businessDaysBetween(from: Date, to: Date): number {
    const last = DateTime.fromJSDate(to, { zone: this.zone }).startOf("day");
    let count = 0;
    for (let day = DateTime.fromJSDate(from, { zone: this.zone }).startOf("day").plus({ days: 1 }); day <= last; day = day.plus({ days: 1 })) {
      if (this.isBusinessDay(day)) count += 1;
    }
    return count;
  }
}
