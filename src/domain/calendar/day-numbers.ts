// Dates as day numbers (days since 1970-01-01): integer arithmetic instead of date objects on the hot path.

export const DAY_MS = 86_400_000;
// The Gregorian calendar repeats every 400 years; used to keep Date.UTC away
// from its years-0-to-99-mean-1900s rule.
export const DAYS_PER_400_YEARS = 146_097;

export function daysFromCivil(year: number, month: number, day: number): number {
  if (year < 100) return Date.UTC(year + 400, month - 1, day) / DAY_MS - DAYS_PER_400_YEARS;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

export function formatDay(day: number): string {
  const t = new Date(day * DAY_MS);
  return `${String(t.getUTCFullYear()).padStart(4, "0")}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
export function weekday(day: number): number {
  return ((day % 7) + 11) % 7;
}

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** Day number of a "YYYY-MM-DD" string, or an explanation of what is wrong with it. */
export function parseIsoDay(text: string): number | string {
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
export function parseMonthDay(text: string): number | string {
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

export function requireIsoDay(text: string): number {
  const day = parseIsoDay(text);
  if (typeof day === "string") throw new RangeError(`Invalid date: ${day}`);
  return day;
}

