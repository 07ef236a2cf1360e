// The ledger's running totals (LedgerTotal): per contract, kind and UTC day, that day's sum and the sum through it.
// Kept in the transaction of each entry, after its contract's counters were updated (so the contract's row lock is
// already held and the total adds no wait). A span's sum per customer is then, at each end of the span, one index
// read per contract and kind plus the entries of that end's own day up to the instant.
import { Prisma, type Database, type Tx } from "../client.ts";
import { isLedgerKind, type LedgerKind } from "../../domain/ledger.ts";

export interface KindSum { customerId: number; kind: LedgerKind; amount: number }

const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);
/** Later than any day: "through the last day" is everything recorded. */
const END_OF_TIME = "9999-12-31";

/** Adds one ledger entry to its contract's totals of its kind. */
export async function addToTotals(tx: Tx, kind: LedgerKind, m: { contractId: number; customerId: number; amount: number; at: Date }): Promise<void> {
  const day = utcDay(m.at);
  const amount = Prisma.sql`CAST(${m.amount} AS INTEGER)`;
  // The day's row, and whether days after it are totalled already: almost every entry is dated today, with none
  // after it, and then the statement below is not needed (one statement per entry instead of two).
  const [written] = await tx.$queryRaw<Array<{ later: number | bigint }>>`INSERT INTO "LedgerTotal" ("contractId", "customerId", "kind", "day", "amount", "through")
    VALUES (${m.contractId}, ${m.customerId}, ${kind}, ${day}, ${amount}, ${amount} + COALESCE((SELECT "through" FROM "LedgerTotal"
      WHERE "contractId" = ${m.contractId} AND "kind" = ${kind} AND "day" < ${day} ORDER BY "day" DESC LIMIT 1), 0))
    ON CONFLICT ("contractId", "kind", "day") DO UPDATE SET "amount" = "LedgerTotal"."amount" + EXCLUDED."amount", "through" = "LedgerTotal"."through" + EXCLUDED."amount"
    RETURNING (SELECT COUNT(*) FROM "LedgerTotal" AS t WHERE t."contractId" = ${m.contractId} AND t."kind" = ${kind} AND t."day" > ${day}) AS "later"`;
  // An entry dated before days already totalled (a correction written with an earlier date) carries into them.
  if (Number(written?.later ?? 1) > 0) {
    await tx.$executeRaw`UPDATE "LedgerTotal" SET "through" = "through" + ${amount} WHERE "contractId" = ${m.contractId} AND "kind" = ${kind} AND "day" > ${day}`;
  }
}

/**
 * Per customer and kind, the amounts of the entries of `kinds` from `range.gte` up to `range.lt` (absent: all there
 * are). Customers with nothing in the span are left out.
 */
export async function spanSums(db: Database, kinds: readonly LedgerKind[], range: { gte: Date; lt?: Date }): Promise<KindSum[]> {
  const [upTo, before] = await Promise.all([range.lt ? sumsBefore(db, kinds, range.lt) : sumsThroughDay(db, kinds, END_OF_TIME), sumsBefore(db, kinds, range.gte)]);
  const out = new Map<string, KindSum>();
  for (const [sign, sums] of [[1, upTo], [-1, before]] as const) {
    for (const s of sums) {
      const key = `${s.customerId}\u0000${s.kind}`;
      const row = out.get(key) ?? { customerId: s.customerId, kind: s.kind, amount: 0 };
      row.amount += sign * s.amount;
      out.set(key, row);
    }
  }
  return [...out.values()].filter((s) => s.amount !== 0);
}

/** The sums of every entry written before an instant: the totals through the day before, and that day's entries so far. */
async function sumsBefore(db: Database, kinds: readonly LedgerKind[], at: Date): Promise<KindSum[]> {
  const day = utcDay(at);
  const start = dayStart(day);
  const [totals, sameDay] = await Promise.all([
    sumsThroughDay(db, kinds, day),
    at > start ? entrySums(db, kinds, { gte: start, lt: at }) : Promise.resolve([]),
  ]);
  return [...totals, ...sameDay];
}

/** Per customer and kind, the sum of the contracts' totals through the last day before `day`. */
async function sumsThroughDay(db: Database, kinds: readonly LedgerKind[], day: string): Promise<KindSum[]> {
  // The list's column has the kind column's type, so that the totals' key (contract, kind, day) is read by its index:
  // PostgreSQL's enum, SQLite's text.
  const kindType = Prisma.raw(db.provider === "postgresql" ? `"LedgerKind"` : "TEXT");
  const kindList = Prisma.join(kinds.map((k) => Prisma.sql`SELECT CAST(${k} AS ${kindType}) AS "kind"`), " UNION ALL ");
  const rows = await db.client.$queryRaw<Array<{ customerId: number | bigint; kind: string; amount: number | bigint | string | null }>>`
    SELECT "customerId", "kind", SUM("through") AS "amount" FROM (
      SELECT c."customerId" AS "customerId", k."kind" AS "kind",
        (SELECT t."through" FROM "LedgerTotal" t WHERE t."contractId" = c."id" AND t."kind" = k."kind" AND t."day" < ${day} ORDER BY t."day" DESC LIMIT 1) AS "through"
      FROM "Contract" c CROSS JOIN (${kindList}) k
    ) AS "latest" WHERE "through" IS NOT NULL GROUP BY "customerId", "kind"`;
  return rows.flatMap((r) => isLedgerKind(r.kind) ? [{ customerId: Number(r.customerId), kind: r.kind, amount: Number(r.amount ?? 0) }] : []);
}

const COVERING = "LedgerEntry_kind_createdAt_customerId_amount_idx";

/** Sums of the ledger's own entries over a short span (part of one day), read from the covering index. */
export async function entrySums(db: Database, kinds: readonly LedgerKind[], range: { gte: Date; lt?: Date }): Promise<KindSum[]> {
  if (db.provider === "sqlite") {
    // Given ANALYZE statistics, SQLite's planner prefers a skip-scan of (customerId, createdAt) that reads every row
    // from the table: twice the work of the covering index, which this names.
    const rows = await db.client.$queryRawUnsafe<Array<{ customerId: number | bigint; kind: string; amount: number | bigint | null }>>(
      `SELECT "customerId", "kind", SUM("amount") AS "amount" FROM "LedgerEntry" INDEXED BY "${COVERING}"
        WHERE "kind" IN (${kinds.map(() => "?").join(", ")}) AND "createdAt" >= ?${range.lt ? ` AND "createdAt" < ?` : ""}
        GROUP BY "customerId", "kind"`,
      ...kinds, range.gte, ...(range.lt ? [range.lt] : []),
    );
    return rows.flatMap((r) => isLedgerKind(r.kind) ? [{ customerId: Number(r.customerId), kind: r.kind, amount: Number(r.amount ?? 0) }] : []);
  }
  const rows = await db.client.ledgerEntry.groupBy({ by: ["customerId", "kind"], where: { kind: { in: [...kinds] }, createdAt: range }, _sum: { amount: true } });
  return rows.map((r) => ({ customerId: r.customerId, kind: r.kind, amount: r._sum?.amount ?? 0 }));
}

/**
 * The totals written again from the ledger itself, as the migration that introduced them did: for a ledger filled
 * by other means than the app (an import, the benchmark's seed).
 */
export async function rebuildLedgerTotals(db: Database): Promise<void> {
  const day = db.provider === "sqlite" ? `date("createdAt")` : `to_char("createdAt", 'YYYY-MM-DD')`;
  await db.transaction(async (tx) => {
    await tx.$executeRawUnsafe(`DELETE FROM "LedgerTotal"`);
    await tx.$executeRawUnsafe(`INSERT INTO "LedgerTotal" ("contractId", "customerId", "kind", "day", "amount", "through")
      SELECT "contractId", "customerId", "kind", "day", "amount", SUM("amount") OVER (PARTITION BY "contractId", "kind" ORDER BY "day")
      FROM (SELECT "contractId", MIN("customerId") AS "customerId", "kind", ${day} AS "day", SUM("amount") AS "amount"
        FROM "LedgerEntry" GROUP BY "contractId", "kind", ${day}) AS "daily"`);
  });
}
