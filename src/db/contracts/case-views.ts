// Reads of the ledger for what is shown of one case: the incidents it reserved, consumed or released per contract.
// Kept apart from the ledger's writes and totals (src/db/contracts/balances.ts, src/db/contracts/ledger-totals.ts).
import type { Db, Tx } from "../client.ts";

/** Every ledger entry of a case, oldest first. */
export function ledgerOfCase(db: Db | Tx, caseId: number) {
  return db.ledgerEntry.findMany({ where: { caseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
