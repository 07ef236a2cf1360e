/**
 * Business calendar for response deadlines.
 *
 * A business day is a local date (in the calendar's time zone) that is not a
 * Saturday, a Sunday, a Japanese national holiday (国民の祝日・休日, including
 * 振替休日 and 国民の休日) or one of the company's own closing days.
 *
 * Everything here is pure: the current time is never read, every instant comes
 * in as an argument. Lookups run against a precomputed index of business days
 * (1990–2060, grown on demand within 1900–2199), so adding N business days is
 * an array lookup rather than a day-by-day walk.
 */
import { isClosed, parseClosedEntry, type ClosedRule } from "./calendar/closed-days.ts";
import { DAY_MS, daysFromCivil, formatDay, requireIsoDay, weekday } from "./calendar/day-numbers.ts";
import { offsetFormatter, offsetsOf, type ZoneOffsets } from "./calendar/zone-offsets.ts";
import { GROWTH_DAYS, INITIAL_FIRST_YEAR, INITIAL_LAST_YEAR, SUPPORTED_END_DAY, SUPPORTED_FIRST_DAY, SUPPORTED_RANGE, assertCount, defaultHolidayDays, instantMs } from "./calendar/range.ts";

export { parseClosedDays } from "./calendar/closed-days.ts";

export interface CalendarOptions {
  /** IANA zone, e.g. "Asia/Tokyo". Local dates and times are read in this zone. */
  timezone: string;
  /**
   * Company closing days: "MM-DD" (every year) or "YYYY-MM-DD" (one date), or a
   * range of either kind, "12-29..01-03" or "2026-05-01..2026-05-06". An
   * every-year range whose end is before its start wraps over New Year.
   */
  closedDays: readonly string[];
  /**
   * National holidays as "YYYY-MM-DD". Replaces the default list from
   * @holiday-jp/holiday_jp (which covers 1970–2050) when given.
   */
  holidays?: readonly string[];
}

export const DEFAULT_TIMEZONE = "Asia/Tokyo";

/** The year-end break, 12/29–1/3, every year. */
export const DEFAULT_CLOSED_DAYS: readonly string[] = Object.freeze(["12-29..01-03"]);

export class BusinessCalendar {
  readonly timezone: string;
  private readonly offsets: ZoneOffsets;
  private readonly rules: readonly ClosedRule[];
  private readonly holidays: ReadonlySet<number>;

  // The index covers local dates first .. first + length - 1; arrays are
  // indexed by (day number - first).
  private first = 0;
  private length = 0;
  /** 1 on business days. */
  private business = new Uint8Array(0);
  /** Business days from `first` up to and including each day. */
  private rank = new Int32Array(0);
  /** Day numbers of all business days in the index, ascending. */
  private list = new Int32Array(0);
  /** The instant each local day starts; one extra entry for the day after the index. */
  private midnight = new Float64Array(0);
  /**
   * 1 where the day runs from 00:00 to 24:00 at one offset, so that wall-clock
   * time is plain arithmetic on `midnight`; elsewhere the zone's offsets are
   * looked up.
   */
  private plain = new Uint8Array(0);

  constructor(options: CalendarOptions) {
    try {
      offsetFormatter(options.timezone);
    } catch {
      throw new RangeError(`Unknown time zone "${options.timezone}": expected an IANA zone such as "Asia/Tokyo"`);
    }
    this.timezone = options.timezone;
    this.offsets = offsetsOf(options.timezone);
    this.rules = options.closedDays.map((entry) => {
      const rule = parseClosedEntry(entry.trim());
      if (typeof rule === "string") throw new RangeError(`Invalid closing day: ${rule}`);
      return rule;
    });
    this.holidays = options.holidays === undefined ? defaultHolidayDays() : new Set(options.holidays.map(requireIsoDay));
    this.build(daysFromCivil(INITIAL_FIRST_YEAR, 1, 1), daysFromCivil(INITIAL_LAST_YEAR + 1, 1, 1));
  }

  /** Whether a local date ("YYYY-MM-DD") is a business day. */
  isBusinessDay(date: string): boolean {
    const i = this.dateIndex(date); // first: it may rebuild the arrays
    return this.business[i] === 1;
  }

  /** The instant's local date in the calendar's zone, "YYYY-MM-DD". */
  localDate(instant: Date): string {
    return formatDay(this.first + this.instantIndex(instantMs(instant)));
  }

  /**
   * N business days after instant t (n a non-negative integer).
   *
   * Let d be t's local date and h its local time of day. If d is a business
   * day, the result is local time h on the Nth business day after d. If d is
   * not a business day, t first moves to 00:00 of the next business day (a
   * question sent on Saturday counts as received at the start of Monday), and
   * the same rule applies. n = 0 returns t itself, or that moved start of day.
   *
   * Examples (Asia/Tokyo, default closing days):
   * - Fri 2026-06-05 15:00 + 1 → Mon 2026-06-08 15:00
   * - Sat 2026-06-06 10:00 + 1 → Tue 2026-06-09 00:00
   * - Fri 2026-06-05 15:00 + 7 → Tue 2026-06-16 15:00
   * - Tue 2026-04-28 15:00 + 1 → Thu 2026-04-30 15:00 (4/29 昭和の日)
   * - Thu 2026-04-30 15:00 + 2 → Thu 2026-05-07 15:00 (5/2–5/6: weekend, 憲法記念日, みどりの日, こどもの日, 振替休日)
   * - Mon 2026-12-28 15:00 + 1 → Mon 2027-01-04 15:00 (year-end break 12/29–1/3)
   *
   * If h does not exist on the target day (a DST gap) the clock moves forward
   * by the gap, as luxon does; if it exists twice, the earlier one is used.
   * Consistent with {@link businessDaysBetween}: for t on a business day,
   * businessDaysBetween(t, addBusinessDays(t, n)) === n.
   */
  addBusinessDays(instant: Date, n: number): Date {
    assertCount(n);
    const ms = instantMs(instant);
    for (;;) {
      const i = this.lookupInstant(ms);
      if (i < 0) {
        this.coverInstant(ms);
        continue;
      }
      const business = this.business[i]!;
      // On a business day the start counts as business day 0; otherwise the
      // next business day is day 0 and the time of day is dropped.
      const k = this.rank[i]! - business + n;
      if (k >= this.list.length) {
        this.growForward(n);
        continue;
      }
      const j = this.list[k]! - this.first;
      if (business === 0) return new Date(this.midnight[j]!);
      if (n === 0) return new Date(ms);
      if (this.plain[i] === 1 && this.plain[j] === 1) return new Date(this.midnight[j]! + (ms - this.midnight[i]!));
      const wall = ms + this.offsets.at(ms);
      const timeOfDay = wall - Math.floor(wall / DAY_MS) * DAY_MS;
      return new Date(this.offsets.wallToInstant((this.first + j) * DAY_MS + timeOfDay));
    }
  }

  /**
   * The Nth business day after a local date. n = 0 gives the date itself if it
   * is a business day, else the next business day. A non-business date rolls
   * forward first, as in {@link addBusinessDays}, so that
   * localDate(addBusinessDays(t, n)) === addBusinessDaysToDate(localDate(t), n).
   */
  addBusinessDaysToDate(date: string, n: number): string {
    assertCount(n);
    const day = requireIsoDay(date);
    for (;;) {
      const i = this.dayIndex(day);
      const k = this.rank[i]! - this.business[i]! + n;
      if (k < this.list.length) return formatDay(this.list[k]!);
      this.growForward(n);
    }
  }

  /**
   * The number of business days d with localDate(from) < d <= localDate(to);
   * 0 when `to` is on or before from's date. A question on Monday answered on
   * Wednesday is 2 business days by this count.
   */
  businessDaysBetween(from: Date, to: Date): number {
    const fromMs = instantMs(from);
    const toMs = instantMs(to);
    for (;;) {
      const i = this.lookupInstant(fromMs);
      if (i < 0) {
        this.coverInstant(fromMs);
        continue;
      }
      const j = this.lookupInstant(toMs);
      if (j < 0) {
        this.coverInstant(toMs);
        continue;
      }
      return j <= i ? 0 : this.rank[j]! - this.rank[i]!;
    }
  }

  /** The first business day strictly after a local date. */
  nextBusinessDay(date: string): string {
    const day = requireIsoDay(date);
    for (;;) {
      const i = this.dayIndex(day); // first: it may rebuild the arrays
      const k = this.rank[i]!;
      if (k < this.list.length) return formatDay(this.list[k]!);
      this.growForward(1);
    }
  }

  /** The instant a local date starts: 00:00, or the first valid time if 00:00 falls in a DST gap. */
  startOfDay(date: string): Date {
    const i = this.dateIndex(date); // first: it may rebuild the arrays
    return new Date(this.midnight[i]!);
  }

  // -------------------------------------------------------------------------

  private dateIndex(date: string): number {
    return this.dayIndex(requireIsoDay(date));
  }

  private dayIndex(day: number): number {
    if (day < this.first || day >= this.first + this.length) this.cover(day);
    return day - this.first;
  }

  private instantIndex(ms: number): number {
    for (;;) {
      const i = this.lookupInstant(ms);
      if (i >= 0) return i;
      this.coverInstant(ms);
    }
  }

  /** Index of the instant's local date, or -1 when the date is outside the index. */
  private lookupInstant(ms: number): number {
    let i = Math.floor(ms / DAY_MS) - this.first;
    if (i >= 0 && i < this.length) {
      // The local date is the UTC date or one either side, as offsets stay within ±24 h.
      if (ms < this.midnight[i]!) i -= 1;
      else if (ms >= this.midnight[i + 1]!) i += 1;
      if (i >= 0 && i < this.length && this.plain[i] === 1) return i;
    }
    const local = Math.floor((ms + this.offsets.at(ms)) / DAY_MS) - this.first;
    return local >= 0 && local < this.length ? local : -1;
  }

  private coverInstant(ms: number): void {
    this.cover(Math.floor((ms + this.offsets.at(ms)) / DAY_MS));
  }

  private cover(day: number): void {
    if (day < SUPPORTED_FIRST_DAY || day >= SUPPORTED_END_DAY) {
      throw new RangeError(`${formatDay(day)} is outside the supported range ${SUPPORTED_RANGE}`);
    }
    this.build(
      Math.max(SUPPORTED_FIRST_DAY, Math.min(this.first, day - GROWTH_DAYS)),
      Math.min(SUPPORTED_END_DAY, Math.max(this.first + this.length, day + GROWTH_DAYS)),
    );
  }

  private growForward(n: number): void {
    const end = this.first + this.length;
    if (end >= SUPPORTED_END_DAY) {
      throw new RangeError(`No such business day within the supported range ${SUPPORTED_RANGE}`);
    }
    this.build(this.first, Math.min(SUPPORTED_END_DAY, end + Math.max(GROWTH_DAYS, 2 * n)));
  }

  /** (Re)builds the index for local dates first .. end - 1. */
  private build(first: number, end: number): void {
    const length = end - first;
    const offsets = this.offsets;
    // Local days reach at most a day either side of the UTC day with the same number.
    offsets.cover(first - 2, end + 2);

    const midnight = new Float64Array(length + 1);
    for (let i = 0; i <= length; i++) midnight[i] = offsets.wallToInstant((first + i) * DAY_MS);

    const business = new Uint8Array(length);
    const rank = new Int32Array(length);
    const list = new Int32Array(length);
    const plain = new Uint8Array(length);
    let count = 0;
    for (let i = 0; i < length; i++) {
      const day = first + i;
      const start = midnight[i]!;
      const offset = offsets.at(start);
      if (midnight[i + 1]! - start === DAY_MS && start + offset === day * DAY_MS && offsets.at(start + DAY_MS - 1) === offset) {
        plain[i] = 1;
      }
      const weekDay = weekday(day);
      if (weekDay !== 0 && weekDay !== 6 && !this.holidays.has(day)) {
        const t = new Date(day * DAY_MS);
        if (!isClosed(this.rules, day, (t.getUTCMonth() + 1) * 100 + t.getUTCDate())) {
          business[i] = 1;
          list[count] = day;
          count += 1;
        }
      }
      rank[i] = count;
    }

    this.first = first;
    this.length = length;
    this.business = business;
    this.rank = rank;
    this.list = list.slice(0, count);
    this.midnight = midnight;
    this.plain = plain;
  }
}
