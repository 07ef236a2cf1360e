// Writes and reads of a case's satisfaction rating: one per case (its case id is unique, so of two racing inserts
// one fails), the comment added under it once, and the ratings of a span in figures.
import type { Db, Tx } from "../client.ts";

export interface NewRating { caseId: number; score: number; ratedBy: string; at: Date; askTs: string | null }

/** Records the case's rating; a second rating of the same case fails with a unique violation. */
export async function recordRating(tx: Tx, r: NewRating): Promise<void> {
  await tx.caseRating.create({ data: { caseId: r.caseId, score: r.score, ratedBy: r.ratedBy, ratedAt: r.at, askTs: r.askTs }, select: { id: true } });
}

/** The case's rating, with the channel its message is in; null when the case is not rated. */
export function ratingOfCase(tx: Tx, caseId: number): Promise<{ id: number; case: { channelId: string } } | null> {
  return tx.caseRating.findUnique({ where: { caseId }, select: { id: true, case: { select: { channelId: true } } } });
}

/** Adds the comment under a rating that has none yet; returns whether this one was added. */
export async function addRatingComment(tx: Tx, ratingId: number, comment: string): Promise<boolean> {
  const { count } = await tx.caseRating.updateMany({ where: { id: ratingId, comment: null }, data: { comment } });
  return count > 0;
}

/** How many cases were rated in a span, and their average score (null when none was). */
export async function ratingsInSpan(db: Db | Tx, range: { gte: Date; lt: Date }): Promise<{ count: number; average: number | null }> {
  const ratings = await db.caseRating.aggregate({ where: { ratedAt: range }, _count: { _all: true }, _avg: { score: true } });
  return { count: ratings._count._all, average: ratings._avg.score };
}
