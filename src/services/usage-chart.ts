// The monthly usage chart's figures: incidents consumed per customer in each of the last months through a local
// date. Each month is its own grouped read, in parallel, bounded by the business calendar's local midnights.
import { customerNames, consumedByCustomer } from "../db/contracts/usage.ts";
import { monthsThrough, nextMonthStart, usageChart, type UsageChart, type UsageRow } from "../domain/usage-chart.ts";
import type { ServiceDeps } from "./deps.ts";

export async function monthlyUsage(deps: Pick<ServiceDeps, "db" | "calendar">, input: { months: number; through: string }): Promise<UsageChart> {
  const months = monthsThrough(input.through, input.months);
  const cal = deps.calendar;
  const perMonth = await Promise.all(months.map(async (month) => {
    const rows = await consumedByCustomer(deps.db, { gte: cal.startOfDay(`${month}-01`), lt: cal.startOfDay(nextMonthStart(month)) });
    return rows.map((r) => ({ month, ...r }));
  }));
  const flat = perMonth.flat();
  const names = await customerNames(deps.db.client, [...new Set(flat.map((r) => r.customerId))]);
  const rows: UsageRow[] = flat.map((r) => ({ ...r, name: names.get(r.customerId) ?? String(r.customerId) }));
  return usageChart(rows, months);
}
