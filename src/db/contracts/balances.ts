// Contract counters and the ledger change together: every function here writes one ledger entry and updates
// the counters with a conditional update, so two concurrent reservations can never both take the last incident.
import { Prisma, type Db, type Tx } from "../client.ts";
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
  // Raw SQL, like the counter updates below: every case writes two entries (its reservation and its settlement),
  // and the ORM's insert cost several times the statement's own CPU.
  await tx.$executeRaw`INSERT INTO "LedgerEntry" ("contractId", "customerId", "caseId", "kind", "amount", "reason", "actorId", "createdAt")
    VALUES (${m.contractId}, ${m.customerId}, ${m.caseId ?? null}, ${kind}, ${asInteger(m.amount)}, ${m.reason ?? null}, ${m.actorId}, ${m.at})`;
  await addToTotals(tx, kind, m);
}

/**
 * available → reserved, without the ledger entry (the caller records it once the case exists). False when the
 * contract no longer has enough available: another transaction took it after we read the contract.
 */
export async function holdAvailable(tx: Tx, contractId: number, amount: number): Promise<boolean> {
  const n = asInteger(amount);
  const count = await tx.$executeRaw`UPDATE "Contract" SET "available" = "available" - ${n}, "reserved" = "reserved" + ${n}
    WHERE "id" = ${contractId} AND "available" >= ${n}`;
  return count === 1;
}

/** reserved → consumed (a case ends as resolved or closed) or reserved → available (cancelled, declined). */
export async function settle(tx: Tx, kind: "consume" | "release", m: Movement): Promise<boolean> {
  const n = asInteger(m.amount);
  const count = kind === "consume"
    ? await tx.$executeRaw`UPDATE "Contract" SET "reserved" = "reserved" - ${n}, "consumed" = "consumed" + ${n} WHERE "id" = ${m.contractId} AND "reserved" >= ${n}`
    : await tx.$executeRaw`UPDATE "Contract" SET "reserved" = "reserved" - ${n}, "available" = "available" + ${n} WHERE "id" = ${m.contractId} AND "reserved" >= ${n}`;
  if (count === 0) return false;
  await recordEntry(tx, kind, m);
  return true;
}

/**
 * A count of incidents as the integer columns take it (a JavaScript number is sent as a double otherwise). A count
 * that is not a whole number is refused, as the ORM refused it, rather than rounded.
 */
function asInteger(n: number): Prisma.Sql {
  if (!Number.isSafeInteger(n)) throw new Error(`an incident count must be a whole number, got ${n}`);
  return Prisma.sql`CAST(${n} AS INTEGER)`;
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
