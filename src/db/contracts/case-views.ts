// Reads of the ledger for what is shown of one case: the incidents it reserved, consumed or released per contract.
// Kept apart from the ledger's writes and totals (src/db/contracts/balances.ts, src/db/contracts/ledger-totals.ts).
import type { ContractTerms } from "../../domain/contract.ts";
import { Prisma, type Db, type Tx } from "../client.ts";

/** Every ledger entry of a case, oldest first. */
export function ledgerOfCase(db: Db | Tx, caseId: number) {
  return db.ledgerEntry.findMany({ where: { caseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/**
 * The contracts of these customers with what a case's message sums of them (its customer's balance), in the order
 * the balance is summed (the one that ends first first). Raw SQL, read with every round of messages the outbox
 * delivers (see casesForViews in src/db/cases/views.ts).
 */
export async function contractTermsOf(db: Db | Tx, customerIds: readonly number[]): Promise<Map<number, ContractTerms[]>> {
  const byCustomer = new Map<number, ContractTerms[]>();
  if (customerIds.length === 0) return byCustomer;
  const rows = await db.$queryRaw<Array<Record<"id" | "customerId" | "purchased" | "available" | "reserved" | "consumed", number | bigint> & { startsOn: string; endsOn: string }>>`
    SELECT "id", "customerId", "startsOn", "endsOn", "purchased", "available", "reserved", "consumed" FROM "Contract"
    WHERE "customerId" IN (${Prisma.join([...customerIds])})
    ORDER BY "endsOn", "id"`;
  for (const r of rows) {
    const terms: ContractTerms = {
      id: Number(r.id), startsOn: r.startsOn, endsOn: r.endsOn,
      purchased: Number(r.purchased), available: Number(r.available), reserved: Number(r.reserved), consumed: Number(r.consumed),
    };
    const list = byCustomer.get(Number(r.customerId));
    if (list) list.push(terms);
    else byCustomer.set(Number(r.customerId), [terms]);
  }
  return byCustomer;
}
