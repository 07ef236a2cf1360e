// The chart of monthly incidents per customer, as data: which months, which customers get a bar segment of their
// own (those who used most over the period), and everyone else together. Pure: rows in, a chart out; the picture
// is drawn elsewhere.
import { addDays } from "./contract.ts";

/** Customers drawn with a colour of their own; the rest are one "others" segment, so the legend stays readable. */
export const CHART_CUSTOMERS = 7;

export type UsageRow = { month: string; customerId: number; name: string; incidents: number };

export type UsageChart = {
  /** "YYYY-MM", oldest first, every month of the period even when nothing was used. */
  months: string[];
  /** The customers who used most over the period, most first; values per month. */
  series: Array<{ customerId: number; name: string; values: number[] }>;
  /** Every other customer who used incidents, summed per month; null when there is none. */
  others: { customers: number; values: number[] } | null;
  /** Incidents per month, all customers. */
  totals: number[];
};

/** The `count` months ending with the month of `through` (a local date), oldest first. */
export function monthsThrough(through: string, count: number): string[] {
  const [y, m] = through.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** The first day of the month after `month` ("YYYY-MM"). */
export function nextMonthStart(month: string): string {
  return addDays(`${month}-28`, 4).slice(0, 7) + "-01";
}

export function usageChart(rows: readonly UsageRow[], months: readonly string[], top = CHART_CUSTOMERS): UsageChart {
  const index = new Map(months.map((m, i) => [m, i]));
  const byCustomer = new Map<number, { customerId: number; name: string; values: number[]; total: number }>();
  for (const r of rows) {
    const i = index.get(r.month);
    if (i === undefined || r.incidents <= 0) continue;
    let c = byCustomer.get(r.customerId);
    if (!c) byCustomer.set(r.customerId, (c = { customerId: r.customerId, name: r.name, values: months.map(() => 0), total: 0 }));
    c.values[i]! += r.incidents;
    c.total += r.incidents;
  }
  // Most used first; a tie goes to the lower id, so the same data always draws the same picture.
  const ranked = [...byCustomer.values()].sort((a, b) => b.total - a.total || a.customerId - b.customerId);
  const shown = ranked.slice(0, top);
  const rest = ranked.slice(top);
  const totals = months.map((_, i) => ranked.reduce((n, c) => n + c.values[i]!, 0));
  return {
    months: [...months],
    series: shown.map(({ customerId, name, values }) => ({ customerId, name, values })),
    others: rest.length ? { customers: rest.length, values: months.map((_, i) => rest.reduce((n, c) => n + c.values[i]!, 0)) } : null,
    totals,
  };
}
