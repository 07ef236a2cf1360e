// Incidents consumed per customer over a span of time: the figures of the monthly usage chart. One grouped read
// per month, served by the ledger's createdAt index, so it never reads the ledger's rows.
import type { Db } from "./client.ts";

export async function consumedByCustomer(client: Db, range: { gte: Date; lt: Date }): Promise<Array<{ customerId: number; incidents: number }>> {
  const rows = await client.ledgerEntry.groupBy({ by: ["customerId"], where: { kind: "consume", createdAt: range }, _sum: { amount: true } });
  return rows.map((r) => ({ customerId: r.customerId, incidents: r._sum.amount ?? 0 }));
}

export async function customerNames(client: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await client.customer.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, select: { id: true, name: true } });
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}
