// Sums of the ledger over a span of time, per customer and kind: incidents consumed per month for the usage chart,
// and every customer's reservations and releases in the forecast window. Served by the ledger's covering
// (kind, createdAt, customerId, amount) index, so they never read the ledger's rows.
import type { LedgerKind } from "../domain/ledger.ts";
import type { Database, Db } from "./client.ts";

export interface KindSum { customerId: number; kind: string; amount: number }

const COVERING = "LedgerEntry_kind_createdAt_customerId_amount_idx";

export async function sumsByCustomerAndKind(db: Database, kinds: readonly LedgerKind[], range: { gte: Date; lt?: Date }): Promise<KindSum[]> {
  if (db.provider === "sqlite") {
    // Given ANALYZE statistics, SQLite's planner prefers a skip-scan of (customerId, createdAt) that reads every row
    // from the table: twice the work of the covering index, which this names.
    const rows = await db.client.$queryRawUnsafe<Array<{ customerId: number | bigint; kind: string; amount: number | bigint | null }>>(
      `SELECT "customerId", "kind", SUM("amount") AS "amount" FROM "LedgerEntry" INDEXED BY "${COVERING}"
        WHERE "kind" IN (${kinds.map(() => "?").join(", ")}) AND "createdAt" >= ?${range.lt ? ` AND "createdAt" < ?` : ""}
        GROUP BY "customerId", "kind"`,
      ...kinds, range.gte, ...(range.lt ? [range.lt] : []),
    );
    return rows.map((r) => ({ customerId: Number(r.customerId), kind: r.kind, amount: Number(r.amount ?? 0) }));
  }
  const rows = await db.client.ledgerEntry.groupBy({ by: ["customerId", "kind"], where: { kind: { in: [...kinds] }, createdAt: range }, _sum: { amount: true } });
  return rows.map((r) => ({ customerId: r.customerId, kind: r.kind, amount: r._sum.amount ?? 0 }));
}

export async function consumedByCustomer(db: Database, range: { gte: Date; lt: Date }): Promise<Array<{ customerId: number; incidents: number }>> {
  return (await sumsByCustomerAndKind(db, ["consume"], range)).map((r) => ({ customerId: r.customerId, incidents: r.amount }));
}

export async function customerNames(client: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await client.customer.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, select: { id: true, name: true } });
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}
