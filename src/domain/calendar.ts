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
import holidayJp from "@holiday-jp/holiday_jp";
import { IANAZone } from "luxon";

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

const DAY_MS = 86_400_000;
// The Gregorian calendar repeats every 400 years; used to keep Date.UTC away
// from its years-0-to-99-mean-1900s rule.
const DAYS_PER_400_YEARS = 146_097;

const SUPPORTED_FIRST_YEAR = 1900;
const SUPPORTED_LAST_YEAR = 2199;
const INITIAL_FIRST_YEAR = 1990;
const INITIAL_LAST_YEAR = 2060;
// When a lookup falls outside the index, grow it by at least this much so that
// a run of nearby lookups does not rebuild it again and again.
const GROWTH_DAYS = 3_660;

// ---------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01)

function daysFromCivil(year: number, month: number, day: number): number {
  if (year < 100) return Date.UTC(year + 400, month - 1, day) / DAY_MS - DAYS_PER_400_YEARS;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function formatDay(day: number): string {
  const t = new Date(day * DAY_MS);
  return `${String(t.getUTCFullYear()).padStart(4, "0")}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
function weekday(day: number): number {
  return ((day % 7) + 11) % 7;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** Day number of a "YYYY-MM-DD" string, or an explanation of what is wrong with it. */
function parseIsoDay(text: string): number | string {
  const m = ISO_DATE.exec(text);
  if (m === null) return `"${text}" is not a date in YYYY-MM-DD form`;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return `"${text}" is not a valid calendar date`;
  }
  return daysFromCivil(year, month, day);
}

/** month * 100 + day of a "MM-DD" string, or an explanation of what is wrong with it. */
function parseMonthDay(text: string): number | string {
  const m = MONTH_DAY.exec(text);
  if (m === null) return `"${text}" is not a date in MM-DD form`;
  const month = Number(m[1]);
  const day = Number(m[2]);
  // 02-29 is accepted: it simply matches only in leap years.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) {
    return `"${text}" is not a valid month and day`;
  }
  return month * 100 + day;
}

function requireIsoDay(text: string): number {
  const day = parseIsoDay(text);
  if (typeof day === "string") throw new RangeError(`Invalid date: ${day}`);
  return day;
}

// ---------------------------------------------------------------------------
// Closing days

type ClosedRule =
  | { kind: "annual"; from: number; to: number } // month * 100 + day, inclusive
  | { kind: "dates"; from: number; to: number }; // day numbers, inclusive

const CLOSED_DAY_FORMS = 'expected MM-DD, YYYY-MM-DD or a range such as "12-29..01-03" or "2026-05-01..2026-05-06"';

function parseClosedEntry(entry: string): ClosedRule | string {
  if (entry === "") return `empty entry (${CLOSED_DAY_FORMS})`;
  const parts = entry.split("..").map((part) => part.trim());
  if (parts.length > 2) return `"${entry}" has more than one ".." (${CLOSED_DAY_FORMS})`;
  const [fromText = "", toText = fromText] = parts;
  const annual = MONTH_DAY.test(fromText);
  const parse = annual ? parseMonthDay : parseIsoDay;
  const from = parse(fromText);
  if (typeof from === "string") return `${from} (${CLOSED_DAY_FORMS})`;
  const to = parse(toText);
  if (typeof to === "string") {
    const otherKind = annual ? ISO_DATE.test(toText) : MONTH_DAY.test(toText);
    if (otherKind) return `"${entry}" mixes an every-year date (MM-DD) with a one-off date (YYYY-MM-DD)`;
    return `${to} (${CLOSED_DAY_FORMS})`;
  }
  if (annual) return { kind: "annual", from, to };
  // An every-year range may wrap over New Year, but a one-off range that ends
  // before it starts is almost certainly a typo in the year.
  if (to < from) return `"${entry}" ends before it starts`;
  return { kind: "dates", from, to };
}

function isClosed(rules: readonly ClosedRule[], day: number, monthDay: number): boolean {
  for (const rule of rules) {
    if (rule.kind === "dates") {
      if (day >= rule.from && day <= rule.to) return true;
    } else if (rule.from <= rule.to) {
      if (monthDay >= rule.from && monthDay <= rule.to) return true;
    } else if (monthDay >= rule.from || monthDay <= rule.to) {
      return true;
    }
  }
  return false;
}

/**
 * Parses a comma-separated configuration value such as
 * "12-29..01-03,2027-08-13" into closing-day entries for
 * {@link CalendarOptions.closedDays}. An empty (or blank) value means no
 * closing days. Returns an Error, rather than throwing, so that configuration
 * loading can collect and report every problem at once.
 */
export function parseClosedDays(spec: string): string[] | Error {
  if (spec.trim() === "") return [];
  const entries = spec.split(",").map((entry) => entry.trim());
  for (const [index, entry] of entries.entries()) {
    const rule = parseClosedEntry(entry);
    if (typeof rule === "string") {
      return new Error(`Invalid closing day #${index + 1} in "${spec}": ${rule}`);
    }
  }
  return entries;
}

// ---------------------------------------------------------------------------
// Time zone offsets

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const OFFSET_NAME = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function offsetFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormatters.set(zone, formatter);
  }
  return formatter;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms, asked of Intl. */
function intlOffset(zone: string, ms: number): number {
  // Formatting just the "GMT+09:00" name is several times cheaper than
  // formatToParts, which matters when sampling a zone over decades.
  const match = OFFSET_NAME.exec(offsetFormatter(zone).format(ms));
  if (match === null) return IANAZone.create(zone).offset(ms) * 60_000;
  if (match[1] === undefined) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return (match[1] === "-" ? -seconds : seconds) * 1000;
}

/**
 * A zone's offset changes over a range of UTC days, found once per zone (Intl
 * costs about a microsecond a call) and shared by every calendar in that zone.
 * Offsets are sampled at each UTC midnight and every change is pinned down to
 * the millisecond by bisection; two changes within one day would be missed,
 * which no zone has done since 1900.
 */
class ZoneOffsets {
  /** UTC day numbers: offsets are known exactly from lo * DAY_MS to hi * DAY_MS. */
  private covered = false;
  private lo = 0;
  private hi = 0;
  private startOffset = 0;
  /** Instants at which the offset changes, ascending, and the offset from then on. */
  private times: number[] = [];
  private offsets: number[] = [];

  constructor(readonly zone: string) {}

  cover(lo: number, hi: number): void {
    if (!this.covered) {
      const scan = this.scan(lo, hi);
      this.covered = true;
      this.lo = lo;
      this.hi = hi;
      this.startOffset = scan.start;
      this.times = scan.times;
      this.offsets = scan.offsets;
      return;
    }
    if (lo < this.lo) {
      const scan = this.scan(lo, this.lo);
      this.lo = lo;
      this.startOffset = scan.start;
      this.times = [...scan.times, ...this.times];
      this.offsets = [...scan.offsets, ...this.offsets];
    }
    if (hi > this.hi) {
      const scan = this.scan(this.hi, hi);
      this.hi = hi;
      this.times = [...this.times, ...scan.times];
      this.offsets = [...this.offsets, ...scan.offsets];
    }
  }

  /** Changes in (lo * DAY_MS, hi * DAY_MS]. */
  private scan(lo: number, hi: number): { start: number; times: number[]; offsets: number[] } {
    const start = intlOffset(this.zone, lo * DAY_MS);
    const times: number[] = [];
    const offsets: number[] = [];
    let previous = start;
    for (let day = lo + 1; day <= hi; day++) {
      const offset = intlOffset(this.zone, day * DAY_MS);
      if (offset === previous) continue;
      let before = (day - 1) * DAY_MS;
      let after = day * DAY_MS;
      while (after - before > 1) {
        const mid = Math.floor((before + after) / 2);
        if (intlOffset(this.zone, mid) === previous) before = mid;
        else after = mid;
      }
      times.push(after);
      offsets.push(intlOffset(this.zone, after));
      previous = offset;
    }
    return { start, times, offsets };
  }

  /** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
  at(ms: number): number {
    if (ms < this.lo * DAY_MS || ms > this.hi * DAY_MS) return intlOffset(this.zone, ms);
    const times = this.times;
    if (times.length === 0 || ms < times[0]!) return this.startOffset;
    let lo = 0;
    let hi = times.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid]! <= ms) lo = mid;
      else hi = mid - 1;
    }
    return this.offsets[lo]!;
  }

  /**
   * The instant at which the wall clock shows `wall` (a wall-clock time written
   * as ms since 1970-01-01T00:00 on that clock). A time skipped by a DST gap
   * moves forward by the length of the gap (02:30 → 03:30), as luxon does; a
   * time that occurs twice resolves to the earlier occurrence, so the answer
   * depends on nothing but the arguments.
   */
  wallToInstant(wall: number): number {
    const before = this.at(wall - DAY_MS);
    const after = this.at(wall + DAY_MS);
    if (before === after) return wall - before;
    const withBefore = wall - before;
    const withAfter = wall - after;
    const beforeFits = this.at(withBefore) === before;
    const afterFits = this.at(withAfter) === after;
    if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
    if (afterFits) return withAfter;
    return withBefore;
  }
}

const zoneOffsets = new Map<string, ZoneOffsets>();

function offsetsOf(zone: string): ZoneOffsets {
  let offsets = zoneOffsets.get(zone);
  if (offsets === undefined) {
    offsets = new ZoneOffsets(zone);
    zoneOffsets.set(zone, offsets);
  }
  return offsets;
}

// ---------------------------------------------------------------------------
// Default national holidays

let defaultHolidays: ReadonlySet<number> | undefined;

function defaultHolidayDays(): ReadonlySet<number> {
  defaultHolidays ??= new Set(Object.keys(holidayJp.holidays).map(requireIsoDay));
  return defaultHolidays;
}

// ---------------------------------------------------------------------------

const SUPPORTED_FIRST_DAY = daysFromCivil(SUPPORTED_FIRST_YEAR, 1, 1);
const SUPPORTED_END_DAY = daysFromCivil(SUPPORTED_LAST_YEAR + 1, 1, 1);
const SUPPORTED_RANGE = `${SUPPORTED_FIRST_YEAR}-01-01..${SUPPORTED_LAST_YEAR}-12-31`;

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`The number of business days must be a non-negative integer, got ${n}`);
  }
}

function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return ms;
}

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
