// The managers' overview (/balance, App Home): every customer's balance, those needing attention first. It reads
// the running counters kept on each contract, never the ledger, so it stays fast however long the ledger grows.
import { openCasesPerCustomer } from "../db/cases/statements.ts";
import { contractBalances } from "../db/contracts/contract-rows.ts";
import { customerRefs } from "../db/contracts/customers.ts";
import { contractStatus, coveredUntil, daysBetween, summarize } from "../domain/contract.ts";
import type { ServiceDeps } from "./deps.ts";
import { projections } from "./forecast.ts";

export type Attention = "expired" | "exhausted" | "not_started" | "running_out" | "expiring" | "low";

export interface CustomerBalance {
  customerId: number;
  name: string;
  purchased: number;
  consumed: number;
  reserved: number;
  available: number;
  validUntil: string | null;
  /** The last day covered counting renewals already bought (R-CON-6): when a renewal is next due. */
  coveredUntil: string | null;
  /** Days from today to coveredUntil: the days left to renew. */
  daysLeft: number | null;
  openCases: number;
  /** The day the usage forecast runs out the incidents in force, when it does before they end. */
  exhaustsOn: string | null;
  attention: Attention | null;
  /** The renewal notice of the contract that ends last, once sent: the customer's answer, or null while awaited (R-CON-4). */
  renewal?: { answer: string | null } | null;
}

/** Fewer than this many available incidents is "low". */
export const LOW_BALANCE = 3;
/** Within this many days of the end a contract is "expiring" (the renewal notice goes out at 60, R-CON-4). */
export const EXPIRING_DAYS = 60;

// Running out and expiring are both "act before this date": they share a rank and are ordered by that date.
const ORDER: Record<Attention, number> = { expired: 0, exhausted: 1, not_started: 2, running_out: 3, expiring: 3, low: 4 };
// One collator for every comparison: localeCompare with a locale builds a new one each time.
const byName = new Intl.Collator("ja");

export async function balanceOverview(deps: Pick<ServiceDeps, "db" | "calendar" | "clock" | "forecastWindowDays">, filter?: { customerId?: number }): Promise<CustomerBalance[]> {
  const today = deps.calendar.localDate(deps.clock.now());
  const only = filter?.customerId;
  // Two flat reads joined here: about half the time of Prisma's nested relation read for a thousand customers.
  const [customers, contracts, openBy] = await Promise.all([
    customerRefs(deps.db.client, { customerId: only }),
    contractBalances(deps.db.client, { customerId: only }),
    openCasesPerCustomer(deps.db.client, { customerId: only }),
  ]);
  const contractsBy = new Map<number, typeof contracts>();
  for (const k of contracts) {
    const list = contractsBy.get(k.customerId);
    if (list) list.push(k);
    else contractsBy.set(k.customerId, [k]);
  }
  const forecasts = await projections(deps, contractsBy, only);
  return customers.map((c): CustomerBalance => {
    const own = contractsBy.get(c.id) ?? [];
    const sum = summarize(own, today);
    const covered = coveredUntil(own, today);
    const daysLeft = covered ? daysBetween(today, covered) : null;
    const statuses = own.map((k) => contractStatus(k, today));
    const projected = forecasts.get(c.id);
    const exhaustsOn = projected?.runsOutEarly ? projected.exhaustsOn ?? today : null;
    const attention: Attention | null = statuses.includes("active")
      ? exhaustsOn !== null ? "running_out"
      : daysLeft !== null && daysLeft <= EXPIRING_DAYS ? "expiring" : sum.available < LOW_BALANCE ? "low" : null
      : statuses.includes("upcoming") ? "not_started"
      : statuses.includes("exhausted") ? "exhausted"
      : "expired";
    const last = own.find((k) => k.endsOn === covered && k.renewalNoticeAt !== null);
    return { customerId: c.id, name: c.name, ...sum, coveredUntil: covered, daysLeft, openCases: openBy.get(c.id) ?? 0, exhaustsOn, attention, renewal: last ? { answer: last.renewalAnswer } : null };
  }).sort(byAttention);
}

/** Most urgent first: by kind of attention, then the fewest days left or incidents left, then by name. */
function byAttention(a: CustomerBalance, b: CustomerBalance): number {
  const ra = a.attention ? ORDER[a.attention] : 9;
  const rb = b.attention ? ORDER[b.attention] : 9;
  if (ra !== rb) return ra - rb;
  // Of those expiring, unanswered renewal notices come first (soonest end first): they are the ones to chase.
  const ua = a.attention === "expiring" && a.renewal && a.renewal.answer === null ? 0 : 1;
  const ub = b.attention === "expiring" && b.renewal && b.renewal.answer === null ? 0 : 1;
  if (ua !== ub) return ua - ub;
  const da = actBy(a);
  const db = actBy(b);
  if (da !== null && db !== null && da !== db) return da < db ? -1 : 1;
  if (a.attention === "low" && a.available !== b.available) return a.available - b.available;
  return byName.compare(a.name, b.name);
}

/** The date by which a customer running out or expiring needs a renewal: the projected last incident, or the end. */
function actBy(b: CustomerBalance): string | null {
  if (b.attention === "running_out") return b.exhaustsOn;
  if (b.attention === "expiring") return b.coveredUntil;
  return null;
}
