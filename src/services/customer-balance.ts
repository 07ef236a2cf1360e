// A customer's own balance, as they see it from their channel.
import { activeCaseCountOf } from "../db/cases/views.ts";
import { contractsOf } from "../db/contracts/balances.ts";
import { summarize, type BalanceSummary } from "../domain/contract.ts";
import type { ServiceDeps } from "./deps.ts";

export interface CustomerBalanceView extends BalanceSummary { openCases: number }

export async function customerBalance(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, customerId: number): Promise<CustomerBalanceView> {
  const today = deps.calendar.localDate(deps.clock.now());
  const [contracts, openCases] = await Promise.all([
    contractsOf(deps.db.client, customerId),
    activeCaseCountOf(deps.db.client, customerId),
  ]);
  return { ...summarize(contracts, today), openCases };
}
