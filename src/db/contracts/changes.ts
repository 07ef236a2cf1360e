// What a change of a case reads and writes of its customer and their contracts, beside the ledger's own functions
// in ../contracts.ts: the customer's name its notices use, and incidents held for a plan that fell through.
import type { Db, Tx } from "../client.ts";

/** The customer's name, or null for no such customer. */
export async function customerName(db: Db | Tx, customerId: number): Promise<string | null> {
  const found = await db.customer.findUnique({ where: { id: customerId }, select: { name: true } });
  return found?.name ?? null;
}

/** Gives back incidents held on a contract (reserved → available) when the plan they were held for fell through. */
export async function giveBackHeld(tx: Tx, contractId: number, amount: number): Promise<void> {
  await tx.contract.updateMany({
    where: { id: contractId, reserved: { gte: amount } },
    data: { reserved: { decrement: amount }, available: { increment: amount } },
  });
}
