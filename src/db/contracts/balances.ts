// Contract counters and the ledger change together: every function here writes one ledger entry and updates
// the counters with a conditional update, so two concurrent reservations can never both take the last incident.
import type { Db, Tx } from "../client.ts";
import type { LedgerKind } from "../../domain/ledger.ts";
import { addToTotals } from "./ledger-totals.ts";

export interface Movement {
  contractId: number;
  customerId: number;
  amount: number;
  actorId: string;
  at: Date;
  caseId?: number | null;
  reason?: string | null;
}

export async function recordEntry(tx: Tx, kind: LedgerKind, m: Movement): Promise<void> {
  await tx.ledgerEntry.create({
    data: {
      contractId: m.contractId, customerId: m.customerId, caseId: m.caseId ?? null, kind,
      amount: m.amount, reason: m.reason ?? null, actorId: m.actorId, createdAt: m.at,
    },
  });
  await addToTotals(tx, kind, m);
}

/**
 * available → reserved, without the ledger entry (the caller records it once the case exists). False when the
 * contract no longer has enough available: another transaction took it after we read the contract.
 */
export async function holdAvailable(tx: Tx, contractId: number, amount: number): Promise<boolean> {
  const { count } = await tx.contract.updateMany({
    where: { id: contractId, available: { gte: amount } },
    data: { available: { decrement: amount }, reserved: { increment: amount } },
  });
  return count === 1;
}

/** reserved → consumed (a case ends as resolved or closed) or reserved → available (cancelled, declined). */
export async function settle(tx: Tx, kind: "consume" | "release", m: Movement): Promise<boolean> {
  const data = kind === "consume"
    ? { reserved: { decrement: m.amount }, consumed: { increment: m.amount } }
    : { reserved: { decrement: m.amount }, available: { increment: m.amount } };
  const { count } = await tx.contract.updateMany({ where: { id: m.contractId, reserved: { gte: m.amount } }, data });
  if (count === 0) return false;
  await recordEntry(tx, kind, m);
  return true;
}

/** Bought incidents (purchase, addition) or a signed manual adjustment of them. */
export async function credit(tx: Tx, kind: "purchase" | "addition" | "adjust", m: Movement): Promise<boolean> {
  const { count } = await tx.contract.updateMany({
    where: { id: m.contractId, ...(m.amount < 0 ? { available: { gte: -m.amount } } : {}) },
    data: { purchased: { increment: m.amount }, available: { increment: m.amount } },
  });
  if (count === 0) return false;
  await recordEntry(tx, kind, m);
  return true;
}

/** A customer's contracts, soonest end first. */
export function contractsOf(db: Db | Tx, customerId: number) {
  return db.contract.findMany({ where: { customerId }, orderBy: [{ endsOn: "asc" }, { id: "asc" }] });
}
