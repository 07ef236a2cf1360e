// Where a customer's incidents are going: the usage rate of a trailing window, the day the contracts in force would
// run out at that rate, and the size of a renewal that matches the last twelve months. Pure: entries, contracts and
// today come in as arguments. Dates are local calendar dates "YYYY-MM-DD" in the business timezone.
import { addDays, daysBetween, isInForce, type ContractTerms } from "./contract.ts";

/** One ledger movement as the forecast reads it: the business date it happened on and, for a case, its level. */
export interface UsageEntry {
  kind: string;
  amount: number;
  /** The local date of the entry. */
  on: string;
  caseId: number | null;
  /** The level of the entry's case when known ("A" or "normal"); null for entries of no case. */
  level: string | null;
}

/** Days of the trailing window the rate is taken over, unless configured otherwise. */
export const DEFAULT_WINDOW_DAYS = 90;
/**
 * A rate needs this many days of history: a customer who opened two cases in the first week of a contract has not
 * shown a trend, and a projection from it would alarm a manager for nothing.
 */
export const MIN_HISTORY_DAYS = 14;
/** Renewals are offered in packs of this many incidents, and never smaller than one pack. */
export const RENEWAL_STEP = 5;

export interface LastYearUsage {
  /** Incidents consumed in the twelve months up to today. */
  consumed: number;
  /** Level A cases among them (each consumed three incidents, R-INC-2). */
  levelA: number;
}

/**
 * The usage of the twelve months up to and including `today` (the day a year ago excluded): incidents consumed, and
 * how many of the cases that consumed them were level A. A case whose incidents spanned two contracts is one case.
 * What the 60-day renewal notice tells the customer (「昨年度のご利用実績は…」).
 */
export function lastYearUsage(entries: readonly UsageEntry[], today: string): LastYearUsage {
  const from = addDays(today, -365);
  let consumed = 0;
  const levelA = new Set<number>();
  for (const e of entries) {
    if (e.kind !== "consume" || e.on <= from || e.on > today) continue;
    consumed += e.amount;
    if (e.level === "A" && e.caseId !== null) levelA.add(e.caseId);
  }
  return { consumed, levelA: levelA.size };
}

/**
 * Incidents drawn in the window of `days` days ending today: reservations less releases. A reservation is demand
 * whether its case is still open or already consumed; a release (a product defect, a declined question, a lowered
 * level) gives the incidents back and was no demand. Never negative: releases of older reservations are not
 * counted against the window's own draws.
 */
export function drawnIn(entries: readonly UsageEntry[], today: string, days: number): number {
  const from = addDays(today, -days);
  let drawn = 0;
  for (const e of entries) {
    if (e.on <= from || e.on > today) continue;
    if (e.kind === "reserve") drawn += e.amount;
    else if (e.kind === "release") drawn -= e.amount;
  }
  return Math.max(0, drawn);
}

export interface Forecast {
  /** Days the rate was taken over: the window, or the customer's history when shorter. */
  windowDays: number;
  /** Incidents drawn in those days. */
  drawn: number;
  /** Incidents per day; null when there is too little history to tell (see MIN_HISTORY_DAYS). */
  ratePerDay: number | null;
  /** Incidents available today on the contracts in force. */
  available: number;
  /** The last day covered by the contracts in force; null when none is. */
  endsOn: string | null;
  /** The day the last available incident would be drawn at this rate; null when it never would (no rate, rate 0). */
  exhaustsOn: string | null;
  /** Whether that day comes before the contracts in force end: the customer needs more incidents to last. */
  runsOutEarly: boolean;
  lastYear: LastYearUsage;
  /** A renewal size matching a year of this customer's usage, in packs of RENEWAL_STEP. */
  suggestedRenewal: number;
}

export interface ForecastInput {
  contracts: readonly ContractTerms[];
  entries: readonly UsageEntry[];
  today: string;
  /** The customer's first day of history: the start of its first contract. */
  since: string | null;
  windowDays?: number;
}

/**
 * The day the available incidents of the contracts in force would be used up at `rate` a day. Contracts are drawn
 * ends-first (R-CON-6) and unused incidents lapse at a contract's end, so the simulation walks them in that order:
 * a contract that outlives its incidents is exhausted on the day its last one is drawn; one that ends first lapses
 * and the next one is drawn from the day after. Null when the incidents outlast every contract.
 */
export function exhaustionDate(contracts: readonly ContractTerms[], today: string, rate: number): string | null {
  if (rate <= 0) return null;
  const order = contracts
    .filter((c) => c.endsOn >= today && c.consumed < c.purchased && c.available > 0)
    .sort((a, b) => (a.endsOn === b.endsOn ? a.id - b.id : a.endsOn < b.endsOn ? -1 : 1));
  let cursor = today;
  let last: string | null = null;
  for (const c of order) {
    const start = c.startsOn > cursor ? c.startsOn : cursor;
    if (start > c.endsOn) continue;
    // The day the last incident is drawn: on day 0 we have drawn `rate`, so n incidents last ceil(n / rate) - 1 days.
    // Compared as day counts, so a tiny rate (thousands of years) never builds a date out of range.
    // Less a hair, so that 4 incidents at 6 in 90 days last exactly 60 days despite floating point.
    const days = Math.max(0, Math.ceil(c.available / rate - 1e-9) - 1);
    if (days <= daysBetween(start, c.endsOn)) {
      last = addDays(start, days);
      cursor = addDays(last, 1);
    } else {
      last = null;
      cursor = addDays(c.endsOn, 1);
    }
  }
  return last;
}

/** A renewal that covers `perYear` incidents, rounded up to whole packs, and at least one pack. */
export function renewalSize(perYear: number): number {
  return Math.max(RENEWAL_STEP, Math.ceil(Math.max(0, perYear) / RENEWAL_STEP) * RENEWAL_STEP);
}

/** The days the rate is taken over: the window, or the customer's history (from its first contract) when shorter. */
export function rateWindow(since: string | null, today: string, windowDays = DEFAULT_WINDOW_DAYS): number {
  const history = since && since <= today ? daysBetween(since, today) + 1 : 0;
  return Math.min(windowDays, history);
}

/** Incidents a day, or null when the window is too short to show a trend. */
export function usageRate(drawn: number, windowDays: number): number | null {
  return windowDays >= MIN_HISTORY_DAYS ? drawn / windowDays : null;
}

export interface Projection {
  available: number;
  endsOn: string | null;
  exhaustsOn: string | null;
  runsOutEarly: boolean;
}

/** Where the contracts in force (and renewals bought ahead) go at a rate: when they run out, and whether too soon. */
export function project(contracts: readonly ContractTerms[], today: string, ratePerDay: number | null): Projection {
  const inForce = contracts.filter((c) => isInForce(c, today) || (c.startsOn > today && c.consumed < c.purchased));
  const available = inForce.reduce((n, c) => n + c.available, 0);
  const endsOn = inForce.map((c) => c.endsOn).sort().at(-1) ?? null;
  const exhaustsOn = ratePerDay === null ? null : exhaustionDate(inForce, today, ratePerDay);
  // Nothing left while a contract still runs is running out early whatever the rate.
  const runsOutEarly = available === 0 ? endsOn !== null : exhaustsOn !== null && endsOn !== null && exhaustsOn < endsOn;
  return { available, endsOn, exhaustsOn, runsOutEarly };
}

export function forecast(input: ForecastInput): Forecast {
  const { contracts, entries, today } = input;
  const windowDays = rateWindow(input.since, today, input.windowDays);
  const drawn = windowDays > 0 ? drawnIn(entries, today, windowDays) : 0;
  const ratePerDay = usageRate(drawn, windowDays);
  const lastYear = lastYearUsage(entries, today);
  const history = rateWindow(input.since, today, 365);
  // Less than a year of history: what was drawn so far, scaled to a year (too short a history is not scaled up).
  const perYear = history >= 365 || history < MIN_HISTORY_DAYS
    ? lastYear.consumed
    : Math.max(lastYear.consumed, Math.ceil((drawnIn(entries, today, history) * 365) / history));
  return { windowDays, drawn, ratePerDay, ...project(contracts, today, ratePerDay), lastYear, suggestedRenewal: renewalSize(perYear) };
}
