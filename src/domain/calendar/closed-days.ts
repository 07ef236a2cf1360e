// Company closing days (R-CAL-2): parsing the configured list and testing a day against it.
import { ISO_DATE, MONTH_DAY, parseIsoDay, parseMonthDay } from "./day-numbers.ts";


export type ClosedRule =
  | { kind: "annual"; from: number; to: number } // month * 100 + day, inclusive
  | { kind: "dates"; from: number; to: number }; // day numbers, inclusive

export const CLOSED_DAY_FORMS = 'expected MM-DD, YYYY-MM-DD or a range such as "12-29..01-03" or "2026-05-01..2026-05-06"';

export function parseClosedEntry(entry: string): ClosedRule | string {
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

export function isClosed(rules: readonly ClosedRule[], day: number, monthDay: number): boolean {
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

