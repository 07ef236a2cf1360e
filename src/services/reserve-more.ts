// Reserving incidents for a case inside the caller's transaction (R-INC-6). They are drawn from the contracts in
// force, the one that ends first first (R-CON-6), and may span contracts: a case raised to level A keeps the
// incidents it holds where they are and takes the extra from wherever it is available. When the case ends, each
// part is settled on its own contract.
import type { Tx } from "../db/client.ts";
import { contractsOf } from "../db/contracts/balances.ts";
import { holdAcross, recordReservation, type Part } from "../db/cases/reservations.ts";
import { summarize } from "../domain/contract.ts";

export interface HeldCase { id: number; customerId: number }

export type ReserveMoreResult = { ok: true; parts: Part[] } | { ok: false; available: number };

export async function reserveMore(
  tx: Tx, held: HeldCase, extra: number, at: { actorId: string; now: Date; today: string; reason: string },
): Promise<ReserveMoreResult> {
  const parts = await holdAcross(tx, held.customerId, extra, at.today);
  if (!parts) return { ok: false, available: summarize(await contractsOf(tx, held.customerId), at.today).available };
  await recordReservation(tx, parts, { customerId: held.customerId, actorId: at.actorId, at: at.now, caseId: held.id, reason: at.reason });
  return { ok: true, parts };
}

/** Holds `amount` for a case about to be created (as opening a case does); its ledger entries follow the case. */
export function reserveForNewCase(tx: Tx, customerId: number, amount: number, today: string): Promise<Part[] | null> {
  return holdAcross(tx, customerId, amount, today);
}
