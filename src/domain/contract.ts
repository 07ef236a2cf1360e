// Contract validity (R-CON-2, R-CON-6). Dates are local calendar dates "YYYY-MM-DD" in the business timezone.

export interface ContractTerms {
  id: number;
  startsOn: string;
  endsOn: string;
  purchased: number;
  available: number;
  reserved: number;
  consumed: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * One year from the confirmation date, inclusive: the day before the same calendar date next year
 * (2026-04-01 → 2027-03-31). A confirmation on 29 February ends on 28 February of the next year.
 */
export function oneYearFrom(confirmedOn: string): string {
  const m = DATE.exec(confirmedOn);
  if (!m) throw new Error(`not a date: ${confirmedOn}`);
  // The same date next year, where 29 February rolls over to 1 March; the contract ends the day before.
  const end = new Date(Date.UTC(Number(m[1]) + 1, Number(m[2]) - 1, Number(m[3])) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** Whole days from one date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A contract is in force on `today` when the date lies in its period and not every incident is consumed. */
export function isInForce(contract: ContractTerms, today: string): boolean {
  return contract.startsOn <= today && today <= contract.endsOn && contract.consumed < contract.purchased;
}

export type ContractStatus = "upcoming" | "active" | "exhausted" | "ended";

export function contractStatus(contract: ContractTerms, today: string): ContractStatus {
  if (today < contract.startsOn) return "upcoming";
  if (today > contract.endsOn) return "ended";
  if (contract.consumed >= contract.purchased) return "exhausted";
  return "active";
}

export type RefusalReason = "no_contract" | "expired" | "exhausted" | "insufficient";

/** Why no contract can take a reservation, for a message that tells the customer what to do next. */
export function refusalReason(contracts: readonly ContractTerms[], today: string): RefusalReason {
  if (contracts.length === 0) return "no_contract";
  if (!contracts.some((c) => isInForce(c, today))) {
    // Every incident consumed ends a contract before its date does (R-CON-2); the customer's next step differs.
    return contracts.some((c) => contractStatus(c, today) === "exhausted") ? "exhausted" : "expired";
  }
  return "insufficient";
}

export interface BalanceSummary {
  purchased: number;
  consumed: number;
  reserved: number;
  available: number;
  validUntil: string | null;
}

/** What a customer can still use today: the sum over contracts in force; lapsed incidents are not counted. */
export function summarize(contracts: readonly ContractTerms[], today: string): BalanceSummary {
  const inForce = contracts.filter((c) => isInForce(c, today));
  const validUntil = inForce.map((c) => c.endsOn).sort().at(-1) ?? null;
  return {
    purchased: inForce.reduce((n, c) => n + c.purchased, 0),
    consumed: inForce.reduce((n, c) => n + c.consumed, 0),
    reserved: contracts.reduce((n, c) => n + c.reserved, 0),
    available: inForce.reduce((n, c) => n + c.available, 0),
    validUntil,
  };
}

/** Largest number of incidents one purchase, addition or adjustment may move: a typo guard, not a business limit. */
export const MAX_INCIDENTS = 10_000;

export function isIncidentCount(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_INCIDENTS;
}

/** A manual adjustment is a signed, non-zero correction of what was bought (R-CON-7). */
export function isAdjustment(n: number): boolean {
  return Number.isInteger(n) && n !== 0 && Math.abs(n) <= MAX_INCIDENTS;
}

export type PeriodError = "missing" | "invalid" | "both" | "before_start" | "too_early" | "too_far" | "too_long";

export type ContractPeriod =
  | { ok: true; startsOn: string; endsOn: string }
  | { ok: false; errors: { startsOn?: PeriodError; endsOn?: PeriodError } };

/**
 * The sane range of contract dates. Dates outside it are typing errors (1026 for 2026): T4U's contracts began after
 * 2000, a confirmation is never issued more than a year ahead, and an explicit period of the first application is
 * never longer than a few years. A date far from today is also one the business calendar cannot compute with.
 */
export const EARLIEST_CONTRACT_DATE = "2000-01-01";
export const MAX_PERIOD_YEARS = 3;

/** The same calendar date `years` later (29 February becomes 1 March in a common year). */
function yearsAfter(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** The latest start date a new contract may have, as of `today`: one year ahead. */
export function latestStart(today: string): string {
  return yearsAfter(today, 1);
}

/** The latest end date a contract starting on `startsOn` may have. */
export function latestEnd(startsOn: string): string {
  return addDays(yearsAfter(startsOn, MAX_PERIOD_YEARS), -1);
}

/**
 * The validity of a new contract (R-CON-2): one year from the confirmation date, or the explicit dates of the
 * first application. A start without an end runs one year from the start. `today` bounds how far ahead it may start.
 */
export function contractPeriod(input: { confirmedOn?: string | null; startsOn?: string | null; endsOn?: string | null }, today: string): ContractPeriod {
  const confirmedOn = input.confirmedOn?.trim() || null;
  const startsOn = input.startsOn?.trim() || null;
  const endsOn = input.endsOn?.trim() || null;
  if (confirmedOn && (startsOn || endsOn)) return { ok: false, errors: { startsOn: "both" } };
  const start = confirmedOn ?? startsOn;
  if (!start) return { ok: false, errors: { startsOn: "missing" } };
  if (!isIsoDate(start)) return { ok: false, errors: { startsOn: "invalid" } };
  if (start < EARLIEST_CONTRACT_DATE) return { ok: false, errors: { startsOn: "too_early" } };
  if (start > latestStart(today)) return { ok: false, errors: { startsOn: "too_far" } };
  if (!endsOn) return { ok: true, startsOn: start, endsOn: oneYearFrom(start) };
  if (!isIsoDate(endsOn)) return { ok: false, errors: { endsOn: "invalid" } };
  if (endsOn < start) return { ok: false, errors: { endsOn: "before_start" } };
  if (endsOn > latestEnd(start)) return { ok: false, errors: { endsOn: "too_long" } };
  return { ok: true, startsOn: start, endsOn };
}

/**
 * Additional incidents join a contract during its validity (R-CON-3): before it starts or while it is active.
 * Once it has ended, by date or by consuming everything (R-CON-2), a purchase is a renewal (R-CON-4).
 */
export function acceptsAddition(contract: ContractTerms, today: string): boolean {
  const status = contractStatus(contract, today);
  return status === "active" || status === "upcoming";
}

/**
 * The last day the customer is covered, counting renewals bought ahead (R-CON-6): the latest end among contracts
 * that are active or have not started yet. Null when nothing covers today or later.
 */
export function coveredUntil(contracts: readonly ContractTerms[], today: string): string | null {
  return contracts
    .filter((c) => { const s = contractStatus(c, today); return s === "active" || s === "upcoming"; })
    .map((c) => c.endsOn).sort().at(-1) ?? null;
}

/** Incidents of a contract that can no longer be used because its period is over (R-CON-6: they lapse). */
export function lapsed(contract: ContractTerms, today: string): number {
  return contractStatus(contract, today) === "ended" ? contract.available : 0;
}
