// The SLA report: for cases opened in a period, per month and per customer and overall, how long the first response
// and the resolution took in business time (p50, p90), how many normal cases missed the first-response target
// (R-LIFE-7), and the customers' satisfaction ratings. Ended cases carry their figures (fixed when they ended, see
// src/domain/sla-figures.ts), so the report mostly sorts stored numbers.
import { customerRefs } from "../db/contracts/customers.ts";
import { fixedSlaGroups, unfixedSlaCases, type FixedSlaGroup } from "../db/cases/sla.ts";
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

interface Acc { cases: number; first: number[]; breaches: number; resolution: number[]; ratings: number; ratingSum: number }

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
    fixedSlaGroups(deps.db, starts, end),
    unfixedSlaCases(deps.db, opened),
    customerRefs(deps.db.client),
  ]);
  const monthOf = (at: Date) => {
    let i = starts.length - 1;
    while (i > 0 && at < starts[i]!) i -= 1;
    return i;
  };
  // Each live case is a group of one, joined to its customer's and month's fixed figures below.
  const groups: FixedSlaGroup[] = fixed;
  for (const c of unfixed) {
    const f = slaFigures(cal, { level: c.level, state: c.state, openedAt: c.createdAt, firstResponseAt: c.firstResponseAt, closedAt: c.closedAt }, now);
    const score = c.rating?.score;
    groups.push({
      customerId: c.customerId, month: monthOf(c.createdAt), cases: 1, breaches: f.breached ? 1 : 0,
      firstResponseHours: f.firstResponseHours === null ? [] : [f.firstResponseHours], resolutionDays: f.resolutionDays === null ? [] : [f.resolutionDays],
      ratings: score === undefined ? 0 : 1, ratingSum: score ?? 0,
    });
  }
  // Customers in name order once, so the rows sort by number: a thousand collations instead of one per comparison.
  const byName = new Intl.Collator("ja");
  const rank = new Map([...customers].sort((x, y) => byName.compare(x.name, y.name)).map((c, i) => [c.id, { i, name: c.name }]));
  const perMonth = months.map(() => ({ all: newAcc(), customers: new Map<number, Acc>() }));
  for (const g of groups) {
    const month = perMonth[g.month]!;
    let own = month.customers.get(g.customerId);
    if (!own) month.customers.set(g.customerId, (own = newAcc()));
    add(own, g);
    add(month.all, g);
  }
  const rows: SlaRow[] = [];
  for (const [i, month] of perMonth.entries()) {
    if (month.all.cases === 0) continue;
    rows.push(row(months[i]!, null, null, month.all));
    const own = [...month.customers.entries()].map(([id, a]) => ({ id, a, order: rank.get(id) }));
    // By name; a customer the names do not know (none should be) after the others, by id.
    own.sort((x, y) => (x.order?.i ?? Infinity) - (y.order?.i ?? Infinity) || x.id - y.id);
    for (const o of own) rows.push(row(months[i]!, o.id, o.order?.name ?? String(o.id), o.a));
  }
  return rows;
}

const newAcc = (): Acc => ({ cases: 0, first: [], breaches: 0, resolution: [], ratings: 0, ratingSum: 0 });

function add(a: Acc, g: FixedSlaGroup): void {
  a.cases += g.cases;
  a.breaches += g.breaches;
  for (const x of g.firstResponseHours) a.first.push(x);
  for (const x of g.resolutionDays) a.resolution.push(x);
  a.ratings += g.ratings;
  a.ratingSum += g.ratingSum;
}

function row(month: string, customerId: number | null, customerName: string | null, a: Acc): SlaRow {
  const first = medianAndP90(a.first);
  const resolution = medianAndP90(a.resolution);
  return {
    month, customerId, customerName, cases: a.cases, responded: a.first.length,
    firstResponseP50: round1(first.p50), firstResponseP90: round1(first.p90), breaches: a.breaches,
    ended: a.resolution.length, resolutionP50: round1(resolution.p50), resolutionP90: round1(resolution.p90),
    ratings: a.ratings, ratingAverage: a.ratings ? round1(a.ratingSum / a.ratings) : null,
  };
}

/** The nearest-rank p50 and p90 (as `percentile` gives them) from one numeric sort. */
function medianAndP90(values: readonly number[]): { p50: number | null; p90: number | null } {
  if (values.length === 0) return { p50: null, p90: null };
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(Math.max(1, Math.ceil((p / 100) * sorted.length)), sorted.length) - 1]!;
  return { p50: at(50), p90: at(90) };
}

/** "YYYY-MM" of every month from the one of `from` to the one of `to` (local dates). */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = nextMonthStart(m).slice(0, 7)) out.push(m);
  return out;
}
