// The SLA report: for cases opened in a period, per month and per customer and overall, how long the first response
// and the resolution took in business time (p50, p90), how many normal cases missed the first-response target
// (R-LIFE-7), and the customers' satisfaction ratings. Ended cases carry their figures (fixed when they ended, see
// src/domain/sla-figures.ts), so the report mostly sorts stored numbers.
import { fixedSlaRows, unfixedSlaCases } from "../db/sla.ts";
import { percentile } from "../domain/sla.ts";
import { slaFigures } from "../domain/sla-figures.ts";
import { nextMonthStart } from "../domain/usage-chart.ts";
import type { ServiceDeps } from "./deps.ts";

export interface SlaRow {
  month: string;
  /** null: every customer together. */
  customerId: number | null;
  customerName: string | null;
  cases: number;
  responded: number;
  /** Business hours to the first response. */
  firstResponseP50: number | null;
  firstResponseP90: number | null;
  breaches: number;
  ended: number;
  /** Business days from opening to the end (resolved or closed). */
  resolutionP50: number | null;
  resolutionP90: number | null;
  ratings: number;
  ratingAverage: number | null;
}

interface Acc { name: string | null; cases: number; first: number[]; breaches: number; resolution: number[]; scores: number[] }

interface Measured { customerId: number; month: number; firstResponseHours: number | null; resolutionDays: number | null; breached: boolean; score: number | null }

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export async function slaReport(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, period: { from: string; to: string }): Promise<SlaRow[]> {
  const cal = deps.calendar;
  const now = deps.clock.now();
  const end = cal.startOfDay(new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
  // The months the period touches, each from its first local midnight (the first from the period's own start).
  const months = monthsBetween(period.from, period.to);
  if (months.length === 0) return [];
  const starts = months.map((m, i) => cal.startOfDay(i === 0 ? period.from : `${m}-01`));
  const opened = { gte: starts[0]!, lt: end };
  // Ended cases carry their figures, fixed when they ended; the few still active (or ended before figures were
  // kept) are measured here as of now.
  const [fixed, unfixed, customers] = await Promise.all([
    fixedSlaRows(deps.db, starts, end),
    unfixedSlaCases(deps.db, opened),
    deps.db.client.customer.findMany({ select: { id: true, name: true } }),
  ]);
  const monthOf = (at: Date) => {
    let i = starts.length - 1;
    while (i > 0 && at < starts[i]!) i -= 1;
    return i;
  };
  const measured: Measured[] = fixed;
  for (const c of unfixed) {
    const f = slaFigures(cal, { level: c.level, state: c.state, openedAt: c.createdAt, firstResponseAt: c.firstResponseAt, closedAt: c.closedAt }, now);
    measured.push({ customerId: c.customerId, month: monthOf(c.createdAt), firstResponseHours: f.firstResponseHours, resolutionDays: f.resolutionDays, breached: f.breached, score: c.rating?.score ?? null });
  }
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const groups = new Map<string, Acc>();
  const add = (month: string, customerId: number | null, name: string | null, m: Measured) => {
    const key = `${month}\u0000${customerId ?? ""}`;
    let a = groups.get(key);
    if (!a) groups.set(key, (a = { name, cases: 0, first: [], breaches: 0, resolution: [], scores: [] }));
    a.cases += 1;
    if (m.firstResponseHours !== null) a.first.push(m.firstResponseHours);
    if (m.breached) a.breaches += 1;
    if (m.resolutionDays !== null) a.resolution.push(m.resolutionDays);
    if (m.score !== null) a.scores.push(m.score);
  };
  for (const m of measured) {
    const month = months[m.month]!;
    add(month, m.customerId, names.get(m.customerId) ?? String(m.customerId), m);
    add(month, null, null, m);
  }
  const rows = [...groups.entries()].map(([key, a]): SlaRow => {
    const [month, id] = key.split("\u0000") as [string, string];
    return {
      month, customerId: id ? Number(id) : null, customerName: a.name, cases: a.cases, responded: a.first.length,
      firstResponseP50: round1(percentile(a.first, 50)), firstResponseP90: round1(percentile(a.first, 90)), breaches: a.breaches,
      ended: a.resolution.length, resolutionP50: round1(percentile(a.resolution, 50)), resolutionP90: round1(percentile(a.resolution, 90)),
      ratings: a.scores.length, ratingAverage: a.scores.length ? round1(a.scores.reduce((n, s) => n + s, 0) / a.scores.length) : null,
    };
  });
  // By month; within it every customer together first, then customers by name.
  const byName = new Intl.Collator("ja");
  return rows.sort((x, y) => (x.month !== y.month ? (x.month < y.month ? -1 : 1)
    : x.customerId === null ? -1 : y.customerId === null ? 1 : byName.compare(x.customerName ?? "", y.customerName ?? "")));
}

/** "YYYY-MM" of every month from the one of `from` to the one of `to` (local dates). */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = nextMonthStart(m).slice(0, 7)) out.push(m);
  return out;
}
