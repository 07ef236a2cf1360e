// What the business calendar covers (the years its index starts with and may grow to), the default national
// holidays, and the checks of its arguments: kept apart from the calendar's index and arithmetic (../calendar.ts).
import holidayJp from "@holiday-jp/holiday_jp";
import { daysFromCivil, requireIsoDay } from "./day-numbers.ts";

export const SUPPORTED_FIRST_YEAR = 1900;
export const SUPPORTED_LAST_YEAR = 2199;
export const INITIAL_FIRST_YEAR = 1990;
export const INITIAL_LAST_YEAR = 2060;
// When a lookup falls outside the index, grow it by at least this much so that
// a run of nearby lookups does not rebuild it again and again.
export const GROWTH_DAYS = 3_660;

// Default national holidays
let defaultHolidays: ReadonlySet<number> | undefined;

export function defaultHolidayDays(): ReadonlySet<number> {
  defaultHolidays ??= new Set(Object.keys(holidayJp.holidays).map(requireIsoDay));
  return defaultHolidays;
}

export const SUPPORTED_FIRST_DAY = daysFromCivil(SUPPORTED_FIRST_YEAR, 1, 1);
export const SUPPORTED_END_DAY = daysFromCivil(SUPPORTED_LAST_YEAR + 1, 1, 1);
export const SUPPORTED_RANGE = `${SUPPORTED_FIRST_YEAR}-01-01..${SUPPORTED_LAST_YEAR}-12-31`;

export function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`The number of business days must be a non-negative integer, got ${n}`);
  }
}

export function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return ms;
}
