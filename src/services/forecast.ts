// The usage forecast of customers (src/domain/forecast.ts) read from the database: one customer's in full for
// /balance <customer> and the renewal notice, and every customer's rate at once for the overview's ordering.
import { addDays, type ContractTerms } from "../domain/contract.ts";
import { DEFAULT_WINDOW_DAYS, forecast, project, rateWindow, usageRate, type Forecast, type Projection, type UsageEntry } from "../domain/forecast.ts";
import { levelsOfCases } from "../db/cases/statements.ts";
import { drawsOfCustomer, usageRowsOf } from "../db/contracts/ledger.ts";
import { sumsByCustomerAndKind } from "../db/contracts/usage.ts";
import type { ServiceDeps } from "./deps.ts";

type Deps = Pick<ServiceDeps, "db" | "calendar" | "clock" | "forecastWindowDays">;

/** The ledger entries of a customer from a local date on, each with its local date and its case's level. */
export async function usageEntries(deps: Pick<ServiceDeps, "db" | "calendar">, customerId: number, fromDate: string): Promise<UsageEntry[]> {
  const client = deps.db.client;
  const rows = await usageRowsOf(client, customerId, deps.calendar.startOfDay(fromDate));
  const caseIds = [...new Set(rows.flatMap((r) => (r.caseId === null ? [] : [r.caseId])))];
  const levels = await levelsOfCases(client, caseIds);
  return rows.map((r) => ({
    kind: r.kind, amount: r.amount, on: deps.calendar.localDate(r.createdAt), caseId: r.caseId,
    level: r.caseId === null ? null : levels.get(r.caseId) ?? null,
  }));
}

function firstStart(contracts: readonly ContractTerms[]): string | null {
  return contracts.map((c) => c.startsOn).sort()[0] ?? null;
}

/** One customer's forecast as of today. */
export async function customerForecast(deps: Deps, customerId: number, contracts: readonly ContractTerms[]): Promise<Forecast> {
  const today = deps.calendar.localDate(deps.clock.now());
  const windowDays = deps.forecastWindowDays ?? DEFAULT_WINDOW_DAYS;
  // Enough history for the window and for last year's usage.
  const from = addDays(today, -Math.max(windowDays, 366));
  const entries = await usageEntries(deps, customerId, from);
  return forecast({ contracts, entries, today, since: firstStart(contracts), windowDays });
}

/**
 * Every customer's projection from one grouped read of the window's reservations and releases: the overview needs
 * only the rate, never the ledger's rows, so it stays one query however long the ledger grows.
 */
export async function projections(deps: Deps, contractsBy: ReadonlyMap<number, readonly ContractTerms[]>, customerId?: number): Promise<Map<number, Projection>> {
  const today = deps.calendar.localDate(deps.clock.now());
  const windowDays = deps.forecastWindowDays ?? DEFAULT_WINDOW_DAYS;
  const from = deps.calendar.startOfDay(addDays(today, -windowDays + 1));
  // One customer's window is read through its own (customerId, createdAt) index; every customer's through the covering one.
  const sums = customerId
    ? await drawsOfCustomer(deps.db.client, customerId, from)
    : await sumsByCustomerAndKind(deps.db, ["reserve", "release"], { gte: from });
  const drawnBy = new Map<number, number>();
  for (const s of sums) {
    const amount = s.amount * (s.kind === "release" ? -1 : 1);
    drawnBy.set(s.customerId, (drawnBy.get(s.customerId) ?? 0) + amount);
  }
  const out = new Map<number, Projection>();
  for (const [id, contracts] of contractsBy) {
    const days = rateWindow(firstStart(contracts), today, windowDays);
    // A young customer's window is its history: draws before its first contract cannot exist, so the sum holds.
    const rate = usageRate(Math.max(0, drawnBy.get(id) ?? 0), days);
    out.set(id, project(contracts, today, rate));
  }
  return out;
}
