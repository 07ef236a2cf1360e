// Reads for the SLA report: the figures fixed on cases that ended (gathered per customer and month by the database),
// and the cases still to be measured as of now.
import { Prisma, type Database, type Tx } from "../client.ts";

/** The fixed figures of one customer's cases opened in one month, gathered by the database. */
export interface FixedSlaGroup {
  customerId: number;
  /** Index of the month, among the month starts asked for. */
  month: number;
  cases: number;
  breaches: number;
  /** Business hours to the first response of those answered, and business days to the end of those resolved or closed. */
  firstResponseHours: number[];
  resolutionDays: number[];
  ratings: number;
  ratingSum: number;
}

type Raw = {
  customerId: number | bigint; month: number | bigint; cases: number | bigint; breaches: number | bigint | string | null;
  first: string | null; resolution: string | null; ratings: number | bigint; ratingSum: number | bigint | string | null;
};

const numbers = (list: string | null) => (list ? list.split(",").map(Number) : []);

/**
 * Cases opened in [monthStarts[0], end) whose figures are fixed, one row per customer and month: counts and sums, and
 * the figures themselves as one list each for the percentiles. A few thousand rows of numbers would cost more to
 * hand over one by one than the database takes to gather them.
 */
export async function fixedSlaGroups(db: Database, monthStarts: readonly Date[], end: Date): Promise<FixedSlaGroup[]> {
  const month = monthStarts.length <= 1 ? Prisma.sql`0`
    : Prisma.sql`CASE ${Prisma.join(monthStarts.slice(1).map((start, i) => Prisma.sql`WHEN c."createdAt" < ${start} THEN ${Prisma.raw(String(i))}`), " ")} ELSE ${Prisma.raw(String(monthStarts.length - 1))} END`;
  // Every digit of each figure: SQLite's own text of a REAL keeps 15, PostgreSQL's is exact already.
  const list = (column: string) => db.provider === "sqlite"
    ? Prisma.raw(`group_concat(CASE WHEN c."${column}" IS NOT NULL THEN printf('%.17g', c."${column}") END, ',')`)
    : Prisma.raw(`string_agg(c."${column}"::text, ',')`);
  const rows = await db.client.$queryRaw<Raw[]>`
    SELECT "customerId", "month", COUNT(*) AS "cases", SUM("breached") AS "breaches", ${list("slaFirstResponseHours")} AS "first",
      ${list("slaResolutionDays")} AS "resolution", COUNT("score") AS "ratings", SUM("score") AS "ratingSum"
    FROM (
      SELECT c."customerId" AS "customerId", ${month} AS "month", c."slaFirstResponseHours", c."slaResolutionDays",
        CASE WHEN c."slaBreached" THEN 1 ELSE 0 END AS "breached", r."score" AS "score"
      FROM "Case" c LEFT JOIN "CaseRating" r ON r."caseId" = c."id"
      WHERE c."createdAt" >= ${monthStarts[0]} AND c."createdAt" < ${end} AND c."slaFiguredAt" IS NOT NULL
    ) AS c
    GROUP BY "customerId", "month"`;
  return rows.map((r) => ({
    customerId: Number(r.customerId), month: Number(r.month), cases: Number(r.cases), breaches: Number(r.breaches ?? 0),
    firstResponseHours: numbers(r.first), resolutionDays: numbers(r.resolution), ratings: Number(r.ratings), ratingSum: Number(r.ratingSum ?? 0),
  }));
}

/** Cases opened in a span whose figures are not fixed (still active, or ended before they were kept). */
export function unfixedSlaCases(db: Database, opened: { gte: Date; lt: Date }) {
  return db.client.case.findMany({
    where: { createdAt: opened, slaFiguredAt: null },
    select: { id: true, customerId: true, level: true, state: true, createdAt: true, firstResponseAt: true, closedAt: true, rating: { select: { score: true } } },
  });
}

/** Ended cases whose figures were never fixed, oldest first. */
export function endedWithoutSlaFigures(client: Database["client"] | Tx, limit: number) {
  return client.case.findMany({
    where: { slaFiguredAt: null, closedAt: { not: null } },
    select: { id: true, level: true, state: true, createdAt: true, firstResponseAt: true, closedAt: true },
    // Ordered as the (slaFiguredAt, closedAt) index is (every row here has no slaFiguredAt, so the order is by
    // closedAt): PostgreSQL then reads that index's few entries instead of walking every closed case by closedAt,
    // which took 20 ms at 100,000 cases and 170 ms at a million on each scheduler pass.
    orderBy: [{ slaFiguredAt: "asc" }, { closedAt: "asc" }],
    take: limit,
  });
}
