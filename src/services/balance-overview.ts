// The managers' overview (/balance): every customer's balance, those needing attention first.
import { contractStatus, daysBetween, summarize } from "../domain/contract.ts";
import type { ServiceDeps } from "./deps.ts";

export interface CustomerBalance {
  customerId: number;
  name: string;
  purchased: number;
  consumed: number;
  reserved: number;
  available: number;
  validUntil: string | null;
  daysLeft: number | null;
  openCases: number;
  attention: "expired" | "exhausted" | "expiring" | "low" | null;
}

/** Fewer than this many available incidents is "low". */
export const LOW_BALANCE = 3;
/** Within this many days of the end a contract is "expiring" (the renewal notice goes out at 60, R-CON-4). */
export const EXPIRING_DAYS = 60;

const ORDER = { expired: 0, exhausted: 1, expiring: 2, low: 3 } as const;

export async function balanceOverview(deps: ServiceDeps, filter?: { customerId?: number }): Promise<CustomerBalance[]> {
  const today = deps.calendar.localDate(deps.clock.now());
  const where = filter?.customerId ? { id: filter.customerId } : {};
  const [customers, open] = await Promise.all([
    deps.db.client.customer.findMany({ where, select: { id: true, name: true, contracts: true } }),
    deps.db.client.case.groupBy({ by: ["customerId"], where: { state: { in: ["open", "in_progress", "answered"] }, ...(filter?.customerId ? { customerId: filter.customerId } : {}) }, _count: { _all: true } }),
  ]);
  const openBy = new Map(open.map((row) => [row.customerId, row._count._all]));
  return customers.map((c): CustomerBalance => {
    const sum = summarize(c.contracts, today);
    const daysLeft = sum.validUntil ? daysBetween(today, sum.validUntil) : null;
    const anyActive = c.contracts.some((k) => contractStatus(k, today) === "active");
    const exhausted = !anyActive && c.contracts.some((k) => contractStatus(k, today) === "exhausted");
    const attention = exhausted ? "exhausted"
      : !anyActive ? "expired"
      : daysLeft !== null && daysLeft <= EXPIRING_DAYS ? "expiring"
      : sum.available < LOW_BALANCE ? "low" : null;
    return { customerId: c.id, name: c.name, ...sum, daysLeft, openCases: openBy.get(c.id) ?? 0, attention };
  }).sort((a, b) => {
    const ra = a.attention ? ORDER[a.attention] : 9;
    const rb = b.attention ? ORDER[b.attention] : 9;
    return ra - rb || a.name.localeCompare(b.name, "ja");
  });
}
