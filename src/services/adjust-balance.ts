// A manager corrects what a contract holds, up or down, and must say why (R-CON-7). The correction is a ledger
// entry like any other; it can never take the available balance below zero, even racing a reservation.
import { credit } from "../db/contracts/balances.ts";
import { contractNow, contractWithCustomerName } from "../db/contracts/contract-rows.ts";
import { claimRequest, isDuplicateRequest } from "../db/requests.ts";
import { isAdjustment } from "../domain/contract.ts";
import type { ServiceDeps } from "./deps.ts";
import { NOTE_MAX } from "./register-contract.ts";

export interface AdjustBalanceInput {
  contractId: number;
  /** Signed: positive adds incidents, negative removes available ones. */
  amount: number;
  reason: string;
  actorId: string;
  requestKey?: string;
}

export type AdjustBalanceResult =
  | { ok: true; contractId: number; customerId: number; customerName: string; purchased: number; available: number }
  | { ok: false; errors: Partial<Record<"amount" | "reason", "required" | "range" | "too_long">> }
  | { ok: false; reason: "unknown_contract" | "duplicate" }
  | { ok: false; reason: "insufficient"; available: number };

export async function adjustBalance(deps: ServiceDeps, input: AdjustBalanceInput): Promise<AdjustBalanceResult> {
  const reason = input.reason.trim();
  const errors: Extract<AdjustBalanceResult, { errors: unknown }>["errors"] = {};
  if (!isAdjustment(input.amount)) errors.amount = Number.isNaN(input.amount) ? "required" : "range";
  if (!reason) errors.reason = "required";
  else if (Array.from(reason).length > NOTE_MAX) errors.reason = "too_long";
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = deps.clock.now();
  try {
    const result = await deps.db.transaction(async (tx): Promise<AdjustBalanceResult> => {
      const contract = await contractWithCustomerName(tx, input.contractId);
      if (!contract) return { ok: false, reason: "unknown_contract" };
      const done = await credit(tx, "adjust", { contractId: contract.id, customerId: contract.customerId, amount: input.amount, actorId: input.actorId, at: now, reason });
      const after = await contractNow(tx, contract.id);
      if (!done) return { ok: false, reason: "insufficient", available: after.available };
      await claimRequest(tx, input.requestKey, now);
      return { ok: true, contractId: contract.id, customerId: contract.customerId, customerName: contract.customer.name, purchased: after.purchased, available: after.available };
    });
    // A balance moved: the managers' views (App Home) are refreshed like after any outbox write.
    if (result.ok) deps.onOutbox?.();
    return result;
  } catch (error) {
    if (isDuplicateRequest(error, input.requestKey)) return { ok: false, reason: "duplicate" };
    throw error;
  }
}
