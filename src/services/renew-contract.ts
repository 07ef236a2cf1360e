// A renewal is a new purchase of incidents, a contract of its own (R-CON-4). It may overlap the current one
// (bought early); reservations keep drawing from the contract that ends first (R-CON-6).
import { credit } from "../db/contracts/balances.ts";
import { createContract, overlappingContracts } from "../db/contracts/contract-rows.ts";
import { customerRef } from "../db/contracts/customers.ts";
import { claimRequest, isDuplicateRequest } from "../db/requests.ts";
import type { ServiceDeps } from "./deps.ts";
import { registerPurchaseRequest } from "./settle-purchase-request.ts";
import { validateTerms, type ContractTermsInput, type RegistrationErrors } from "./register-contract.ts";

export interface RenewContractInput extends ContractTermsInput {
  customerId: number;
  note?: string | null;
  actorId: string;
  requestKey?: string;
  /** The customer's purchase request this renewal registers, settled in the same transaction. */
  purchaseRequestId?: number | null;
}

export type RenewContractResult =
  | { ok: true; contractId: number; customerName: string; startsOn: string; endsOn: string; overlapping: number[] }
  | { ok: false; errors: RegistrationErrors }
  | { ok: false; reason: "unknown_customer" | "duplicate" };

export async function renewContract(deps: ServiceDeps, input: RenewContractInput): Promise<RenewContractResult> {
  const now = deps.clock.now();
  const terms = validateTerms(input, deps.calendar.localDate(now));
  if (!terms.ok) return terms;
  try {
    const result = await deps.db.transaction(async (tx): Promise<RenewContractResult> => {
      const customer = await customerRef(tx, input.customerId);
      if (!customer) return { ok: false, reason: "unknown_customer" };
      const overlapping = await overlappingContracts(tx, customer.id, terms);
      const contract = await createContract(tx, {
        customerId: customer.id, kind: "renewal", startsOn: terms.startsOn, endsOn: terms.endsOn,
        createdBy: input.actorId, at: now, note: input.note?.trim() || null,
      });
      await credit(tx, "purchase", { contractId: contract.id, customerId: customer.id, amount: input.incidents, actorId: input.actorId, at: now });
      if (input.purchaseRequestId) {
        await registerPurchaseRequest(tx, deps, { requestId: input.purchaseRequestId, contractId: contract.id, incidents: input.incidents, startsOn: terms.startsOn, endsOn: terms.endsOn, actorId: input.actorId, at: now });
      }
      await claimRequest(tx, input.requestKey, now);
      return { ok: true, contractId: contract.id, customerName: customer.name, startsOn: terms.startsOn, endsOn: terms.endsOn, overlapping: overlapping.map((c) => c.id) };
    });
    // A balance moved: the managers' views (App Home) are refreshed like after any outbox write.
    if (result.ok) deps.onOutbox?.();
    return result;
  } catch (error) {
    if (isDuplicateRequest(error, input.requestKey)) return { ok: false, reason: "duplicate" };
    throw error;
  }
}
