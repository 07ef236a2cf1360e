// Reads for the SLA report: the figures fixed on cases that ended (numbers only, in one raw read, which costs a
// fraction of the client's objects for tens of thousands of rows), and the cases still to be measured as of now.
import { Prisma, type Database, type Tx } from "./client.ts";

export interface FixedSlaRow {
  customerId: number;
  /** Index of the month the case was opened in, among the month starts asked for. */
  month: number;
  firstResponseHours: number | null;
  resolutionDays: number | null;
  breached: boolean;
  score: number | null;
}

type Raw = { customerId: number | bigint; month: number | bigint; first: number | null; resolution: number | null; breached: boolean | number | bigint | null; score: number | bigint | null };

/** Cases opened in [monthStarts[0], end) whose figures are fixed; `month` says which of the months each falls in. */
export async function fixedSlaRows(db: Database, monthStarts: readonly Date[], end: Date): Promise<FixedSlaRow[]> {
  const month = monthStarts.length <= 1 ? Prisma.sql`0`
    : Prisma.sql`CASE ${Prisma.join(monthStarts.slice(1).map((start, i) => Prisma.sql`WHEN c."createdAt" < ${start} THEN ${Prisma.raw(String(i))}`), " ")} ELSE ${Prisma.raw(String(monthStarts.length - 1))} END`;
  const rows = await db.client.$queryRaw<Raw[]>`
    SELECT c."customerId" AS "customerId", ${month} AS "month", c."slaFirstResponseHours" AS "first", c."slaResolutionDays" AS "resolution",
      c."slaBreached" AS "breached", r."score" AS "score"
    FROM "Case" c LEFT JOIN "CaseRating" r ON r."caseId" = c."id"
    WHERE c."createdAt" >= ${monthStarts[0]} AND c."createdAt" < ${end} AND c."slaFiguredAt" IS NOT NULL`;
  return rows.map((r) => ({
    customerId: Number(r.customerId), month: Number(r.month), firstResponseHours: r.first, resolutionDays: r.resolution,
    breached: r.breached === true || Number(r.breached) === 1, score: r.score === null ? null : Number(r.score),
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
    orderBy: { closedAt: "asc" },
    take: limit,
  });
}
