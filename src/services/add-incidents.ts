// Additional incidents bought during a contract join that contract; its validity does not change (R-CON-3).
import { credit } from "../db/contracts/balances.ts";
import { contractWithCustomerName } from "../db/contracts/contract-rows.ts";
import { claimRequest, isDuplicateRequest } from "../db/requests.ts";
import { acceptsAddition, contractStatus, isIncidentCount, type ContractStatus } from "../domain/contract.ts";
import type { ServiceDeps } from "./deps.ts";
import { NOTE_MAX } from "./register-contract.ts";
import { registerPurchaseRequest } from "./settle-purchase-request.ts";

export interface AddIncidentsInput {
  contractId: number;
  incidents: number;
  /** Why, e.g. the order it came with; kept on the ledger entry. */
  note?: string | null;
  actorId: string;
  requestKey?: string;
  /** The customer's purchase request this addition registers, settled in the same transaction. */
  purchaseRequestId?: number | null;
}

export type AddIncidentsResult =
  | { ok: true; contractId: number; customerId: number; customerName: string; purchased: number; available: number; endsOn: string }
  | { ok: false; errors: Partial<Record<"incidents" | "note", "required" | "range" | "too_long">> }
  /** The contract is over (by date or fully consumed): the purchase is a renewal instead. */
  | { ok: false; reason: "unknown_contract" | "duplicate" }
  | { ok: false; reason: "not_in_force"; status: ContractStatus };

export async function addIncidents(deps: ServiceDeps, input: AddIncidentsInput): Promise<AddIncidentsResult> {
  const note = input.note?.trim() || null;
  if (!isIncidentCount(input.incidents)) return { ok: false, errors: { incidents: Number.isNaN(input.incidents) ? "required" : "range" } };
  if (note && Array.from(note).length > NOTE_MAX) return { ok: false, errors: { note: "too_long" } };
  const now = deps.clock.now();
  const today = deps.calendar.localDate(now);
  try {
    const result = await deps.db.transaction(async (tx): Promise<AddIncidentsResult> => {
      const contract = await contractWithCustomerName(tx, input.contractId);
      if (!contract) return { ok: false, reason: "unknown_contract" };
      if (!acceptsAddition(contract, today)) return { ok: false, reason: "not_in_force", status: contractStatus(contract, today) };
      await credit(tx, "addition", { contractId: contract.id, customerId: contract.customerId, amount: input.incidents, actorId: input.actorId, at: now, reason: note });
      if (input.purchaseRequestId) {
        await registerPurchaseRequest(tx, deps, { requestId: input.purchaseRequestId, contractId: contract.id, incidents: input.incidents, startsOn: contract.startsOn, endsOn: contract.endsOn, actorId: input.actorId, at: now });
      }
      await claimRequest(tx, input.requestKey, now);
      return {
        ok: true, contractId: contract.id, customerId: contract.customerId, customerName: contract.customer.name,
        purchased: contract.purchased + input.incidents, available: contract.available + input.incidents, endsOn: contract.endsOn,
      };
    });
    // A balance moved: the managers' views (App Home) are refreshed like after any outbox write.
    if (result.ok) deps.onOutbox?.();
    return result;
  } catch (error) {
    if (isDuplicateRequest(error, input.requestKey)) return { ok: false, reason: "duplicate" };
    throw error;
  }
}
