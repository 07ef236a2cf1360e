// Reserving more incidents for a case that already holds some (R-INC-6), inside the caller's transaction. A
// case's incidents sit on one contract, so settling it later stays a single movement: the extra is taken from the
// case's own contract when that one is in force and has enough; otherwise the whole reservation moves to the
// contract that ends first among those that can hold it all (R-CON-6).
import type { Tx } from "../db/client.ts";
import { contractsOf, holdAvailable, recordEntry, settle } from "../db/contracts.ts";
import { isInForce, reservationCandidates, summarize } from "../domain/contract.ts";

export interface HeldCase { id: number; customerId: number; contractId: number; incidents: number }

export type ReserveMoreResult = { ok: true; contractId: number } | { ok: false; available: number };

export async function reserveMore(
  tx: Tx, held: HeldCase, extra: number, at: { actorId: string; now: Date; today: string; reason: string },
): Promise<ReserveMoreResult> {
  const contracts = await contractsOf(tx, held.customerId);
  const own = contracts.find((c) => c.id === held.contractId);
  const movement = { customerId: held.customerId, actorId: at.actorId, at: at.now, caseId: held.id, reason: at.reason };
  if (own && isInForce(own, at.today) && (await holdAvailable(tx, own.id, extra))) {
    await recordEntry(tx, "reserve", { ...movement, contractId: own.id, amount: extra });
    return { ok: true, contractId: own.id };
  }
  const total = held.incidents + extra;
  for (const candidate of reservationCandidates(contracts, at.today, total)) {
    if (candidate.id === held.contractId) continue;
    // Another transaction may have taken the incidents since we read the contract: try the next one.
    if (!(await holdAvailable(tx, candidate.id, total))) continue;
    const released = await settle(tx, "release", { ...movement, contractId: held.contractId, amount: held.incidents });
    if (!released) throw new Error(`case ${held.id}: reserved incidents missing from contract ${held.contractId}`);
    await recordEntry(tx, "reserve", { ...movement, contractId: candidate.id, amount: total });
    return { ok: true, contractId: candidate.id };
  }
  return { ok: false, available: summarize(await contractsOf(tx, held.customerId), at.today).available };
}

/** Reserves `amount` for a new case from the contract that ends first (as opening a case does). */
export async function reserveForNewCase(tx: Tx, customerId: number, amount: number, today: string): Promise<number | null> {
  for (const candidate of reservationCandidates(await contractsOf(tx, customerId), today, amount)) {
    if (await holdAvailable(tx, candidate.id, amount)) return candidate.id;
  }
  return null;
}
