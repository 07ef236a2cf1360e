// What the application modal (登録用紙) opens with: the customer's name, the contract it is about, and the number of
// incidents suggested from last year's usage (in packs, like the forecast's renewal size). Refused for a contract
// that is not the channel's customer's, or one that is over (a renewal) — nothing is opened then.
import { contractsOf } from "../db/contracts/balances.ts";
import { contractWithCustomerName } from "../db/contracts/contract-rows.ts";
import { usageOfLastYear } from "../db/contracts/renewals.ts";
import { addDays } from "../domain/contract.ts";
import { RENEWAL_STEP, renewalSize } from "../domain/forecast.ts";
import type { RequestKind } from "../domain/renewal.ts";
import type { ServiceDeps } from "./deps.ts";

export type PrepareApplicationResult =
  | { ok: true; customerName: string; endsOn: string; suggested: number; startsOn: string | null }
  | { ok: false; reason: "unknown_contract" | "ended" };

export async function prepareApplication(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, input: { customerId: number; contractId: number; kind: RequestKind }): Promise<PrepareApplicationResult> {
  const today = deps.calendar.localDate(deps.clock.now());
  const client = deps.db.client;
  const contract = await contractWithCustomerName(client, input.contractId);
  if (!contract || contract.customerId !== input.customerId) return { ok: false, reason: "unknown_contract" };
  if (input.kind === "renewal" && contract.endsOn < today) return { ok: false, reason: "ended" };
  const usage = await usageOfLastYear(client, deps.calendar, contract.customerId, today);
  // A renewal starts the day after the latest contract bought, an addition joins the contract as it is.
  const latest = (await contractsOf(client, contract.customerId)).reduce((end, c) => (c.endsOn > end ? c.endsOn : end), contract.endsOn);
  const next = addDays(latest, 1);
  return {
    ok: true, customerName: contract.customer.name, endsOn: contract.endsOn,
    suggested: input.kind === "renewal" ? renewalSize(usage.consumed) : RENEWAL_STEP,
    startsOn: input.kind === "renewal" ? (next > today ? next : today) : null,
  };
}
