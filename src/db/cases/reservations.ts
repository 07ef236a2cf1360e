// A case's incidents, contract by contract (CaseReservation), moved together with the contracts' counters and the
// ledger inside the caller's transaction. Every ledger entry names the contract its incidents are on, so each
// contract's counters stay the fold of its own entries (R-CON-7) however a case's incidents are spread.
import type { Tx } from "../client.ts";
import { contractsOf, holdAvailable, recordEntry, settle, type Movement } from "../contracts/balances.ts";
import { giveBackHeld } from "../contracts/changes.ts";
import { mergeParts, planDraw, planRelease, type Part } from "../../domain/reservation.ts";

export type { Part } from "../../domain/reservation.ts";

/** Who moves a case's incidents, when and why; the contract and amount come from each part. */
export type CaseMovement = Omit<Movement, "contractId" | "amount" | "caseId"> & { caseId: number };

/** A plan can be overtaken by a concurrent reservation; reading again and re-planning this often is plenty. */
const ATTEMPTS = 5;

/**
 * Holds `amount` incidents (available → reserved) across the customer's contracts in force, ends-first (R-CON-6).
 * Null when they do not add up; what was held by then is given back, so a refusal leaves the counters as they were.
 * The ledger entries are written by `recordReservation` once the case they belong to exists.
 */
export async function holdAcross(
  tx: Tx, customerId: number, amount: number, today: string,
  /** The customer's contracts (as contractsOf reads them) when the caller read them already in this transaction. */
  read?: Awaited<ReturnType<typeof contractsOf>>,
): Promise<Part[] | null> {
  const held: Part[] = [];
  let remaining = amount;
  for (let attempt = 0; remaining > 0 && attempt < ATTEMPTS; attempt += 1) {
    const plan = planDraw(attempt === 0 && read ? read : await contractsOf(tx, customerId), today, remaining);
    if (!plan) break;
    for (const part of plan) {
      // Another transaction took incidents since the read: read again and plan what is still missing.
      if (!(await holdAvailable(tx, part.contractId, part.incidents))) break;
      held.push(part);
      remaining -= part.incidents;
    }
  }
  if (remaining === 0) return mergeParts(held);
  for (const part of held) {
    await giveBackHeld(tx, part.contractId, part.incidents);
  }
  return null;
}

/** The ledger entries of incidents just held for a case, and the case's parts grown by them. */
export async function recordReservation(tx: Tx, parts: readonly Part[], m: CaseMovement): Promise<void> {
  for (const part of parts) {
    await recordEntry(tx, "reserve", { ...m, contractId: part.contractId, amount: part.incidents });
    await tx.caseReservation.upsert({
      where: { caseId_contractId: { caseId: m.caseId, contractId: part.contractId } },
      create: { caseId: m.caseId, contractId: part.contractId, incidents: part.incidents },
      update: { incidents: { increment: part.incidents } },
    });
  }
}

/**
 * What `recordReservation` writes, for a case created with them: its parts, inserted with the case itself
 * (insertOpenedCase, one statement for all of them), and the ledger entries of the incidents just held for them.
 */
export function newCaseParts(parts: readonly Part[]): Array<{ contractId: number; incidents: number }> {
  return parts.map((part) => ({ contractId: part.contractId, incidents: part.incidents }));
}

/** The ledger entries of a new case's parts (see newCaseParts). */
export async function recordNewCaseEntries(tx: Tx, parts: readonly Part[], m: CaseMovement): Promise<void> {
  for (const part of parts) await recordEntry(tx, "reserve", { ...m, contractId: part.contractId, amount: part.incidents });
}

/**
 * How partsOf reads a case's parts, in the order their contracts are settled (ends first: one lock order
 * everywhere); caseToEnd (reads.ts) reads them the same way in raw SQL.
 */
const PARTS_QUERY = {
  where: { incidents: { gt: 0 } },
  select: { contractId: true, incidents: true, contract: { select: { endsOn: true } } },
  orderBy: [{ contract: { endsOn: "asc" as const } }, { contractId: "asc" as const }],
};

/** The case's parts that hold incidents, with the end of each one's contract. */
export async function partsOf(tx: Tx, caseId: number): Promise<(Part & { endsOn: string })[]> {
  const rows = await tx.caseReservation.findMany({ ...PARTS_QUERY, where: { caseId, ...PARTS_QUERY.where } });
  return asParts(rows);
}

export function asParts(rows: ReadonlyArray<{ contractId: number; incidents: number; contract: { endsOn: string } }>): (Part & { endsOn: string })[] {
  return rows.map((r) => ({ contractId: r.contractId, incidents: r.incidents, endsOn: r.contract.endsOn }));
}

/**
 * A case ends: each part is consumed or released on its own contract (R-INC-6/7/8). The parts stay as the record
 * of where the incidents came from. Returns what was settled; throws if a contract no longer holds its part,
 * since that would mean the counters and the ledger disagree.
 */
export async function settleCase(
  tx: Tx, kind: "consume" | "release", m: CaseMovement,
  /** The case's parts as partsOf reads them, when the caller read them already in this transaction. */
  read?: readonly Part[],
): Promise<number> {
  let total = 0;
  for (const part of read ?? await partsOf(tx, m.caseId)) {
    if (!(await settle(tx, kind, { ...m, contractId: part.contractId, amount: part.incidents }))) {
      throw new Error(`case ${m.caseId}: reserved incidents missing from contract ${part.contractId}`);
    }
    total += part.incidents;
  }
  return total;
}

/** A case needs `amount` fewer (a level lowered): released from the contract that ends last first. */
export async function releaseFromCase(tx: Tx, amount: number, m: CaseMovement): Promise<boolean> {
  const plan = planRelease(await partsOf(tx, m.caseId), amount);
  if (!plan) return false;
  for (const part of plan) {
    if (!(await settle(tx, "release", { ...m, contractId: part.contractId, amount: part.incidents }))) {
      throw new Error(`case ${m.caseId}: reserved incidents missing from contract ${part.contractId}`);
    }
    await tx.caseReservation.update({
      where: { caseId_contractId: { caseId: m.caseId, contractId: part.contractId } },
      data: { incidents: { decrement: part.incidents } },
    });
  }
  return true;
}
