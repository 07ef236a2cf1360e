// The SLA report: for cases opened in a period, per month and per customer and overall, how long the first response
// and the resolution took in business time (p50, p90), how many normal cases missed the first-response target
// (R-LIFE-7), and the customers' satisfaction ratings. Read in one pass over the period's cases.
import { businessMs, firstResponseBreached, percentile } from "../domain/sla.ts";
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

const HOUR = 3_600_000;
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export async function slaReport(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, period: { from: string; to: string }): Promise<SlaRow[]> {
  const cal = deps.calendar;
  const now = deps.clock.now();
  const end = cal.startOfDay(new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
  const opened = { gte: cal.startOfDay(period.from), lt: end };
  // Three flat reads joined here: Prisma's nested relation read of tens of thousands of cases costs three times as much.
  const [cases, customers, ratings] = await Promise.all([
    deps.db.client.case.findMany({
      where: { createdAt: opened },
      select: { id: true, customerId: true, level: true, state: true, createdAt: true, firstResponseAt: true, closedAt: true },
    }),
    deps.db.client.customer.findMany({ select: { id: true, name: true } }),
    deps.db.client.caseRating.findMany({ where: { case: { createdAt: opened } }, select: { caseId: true, score: true } }),
  ]);
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const scores = new Map(ratings.map((r) => [r.caseId, r.score]));
  const groups = new Map<string, Acc>();
  const add = (month: string, customerId: number | null, name: string | null, f: (a: Acc) => void) => {
    const key = `${month}\u0000${customerId ?? ""}`;
    let acc = groups.get(key);
    if (!acc) groups.set(key, (acc = { name, cases: 0, first: [], breaches: 0, resolution: [], scores: [] }));
    f(acc);
  };
  for (const c of cases) {
    const month = cal.localDate(c.createdAt).slice(0, 7);
    const first = c.firstResponseAt ? businessMs(cal, c.createdAt, c.firstResponseAt) / HOUR : null;
    const breached = firstResponseBreached(cal, { level: c.level, openedAt: c.createdAt, firstResponseAt: c.firstResponseAt }, now);
    const resolution = c.closedAt && (c.state === "resolved" || c.state === "closed") ? businessMs(cal, c.createdAt, c.closedAt) / (24 * HOUR) : null;
    const score = scores.get(c.id);
    for (const [id, name] of [[c.customerId, names.get(c.customerId) ?? String(c.customerId)], [null, null]] as const) {
      add(month, id, name, (a) => {
        a.cases += 1;
        if (first !== null) a.first.push(first);
        if (breached) a.breaches += 1;
        if (resolution !== null) a.resolution.push(resolution);
        if (score !== undefined) a.scores.push(score);
      });
    }
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
