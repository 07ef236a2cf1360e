// Sums of the ledger over a span of time, per customer and kind: incidents consumed per month for the usage chart,
// and every customer's reservations and releases in the forecast window. Read from the ledger's running totals
// (src/db/contracts/ledger-totals.ts), so they cost in proportion to the contracts, not to the entries in the span.
import type { LedgerKind } from "../../domain/ledger.ts";
import type { Database, Db } from "../client.ts";
import { spanSums, type KindSum } from "./ledger-totals.ts";

export type { KindSum } from "./ledger-totals.ts";

export async function sumsByCustomerAndKind(db: Database, kinds: readonly LedgerKind[], range: { gte: Date; lt?: Date }): Promise<KindSum[]> {
  return spanSums(db, kinds, range);
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
