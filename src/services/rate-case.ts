// The customer's satisfaction with a case that ended answered (resolved, or closed after seven business days with
// no reply): one score from 1 to 5, given once per case, and an optional comment added once afterwards. Who may
// answer (the customer's workspace only) is checked by the caller; the once-only rule lives here, in the unique case
// id of the rating, so two clicks or two people racing leave one rating.
import { caseToRate } from "../db/cases/reads.ts";
import { recordCaseEvent } from "../db/cases/changes.ts";
import { isUniqueViolation } from "../db/client.ts";
import { enqueue } from "../db/outbox.ts";
import { addRatingComment, ratingOfCase, recordRating } from "../db/cases/ratings.ts";
import type { ServiceDeps } from "./deps.ts";
import { notifyPerson } from "./notify-person.ts";

/** Cases that ended with T4U's answer: the ones a customer is asked to rate. */
export const RATED_STATES: readonly string[] = ["resolved", "closed"];
export const MAX_COMMENT = 1000;

export type RateCaseResult =
  | { ok: true; score: number }
  | { ok: false; reason: "unknown_case" | "not_ended" | "already_rated" | "invalid_score"; score?: number };

export function isScore(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 5;
}

export async function rateCase(
  deps: Pick<ServiceDeps, "db" | "clock" | "onOutbox" | "triageChannel">, input: { caseId: number; score: number; actorId: string; askTs: string | null },
): Promise<RateCaseResult> {
  if (!isScore(input.score)) return { ok: false, reason: "invalid_score" };
  const now = deps.clock.now();
  try {
    const result = await deps.db.transaction(async (tx): Promise<RateCaseResult> => {
      const found = await caseToRate(tx, input.caseId);
      if (!found) return { ok: false, reason: "unknown_case" };
      if (found.rating) return { ok: false, reason: "already_rated", score: found.rating.score };
      if (!RATED_STATES.includes(found.state)) return { ok: false, reason: "not_ended" };
      await recordRating(tx, { caseId: found.id, score: input.score, ratedBy: input.actorId, at: now, askTs: input.askTs });
      await recordCaseEvent(tx, { caseId: found.id, kind: "rated", actorId: input.actorId, at: now, data: { score: input.score } });
      await enqueue(tx, found.channelId, { kind: "rating.refresh", caseId: found.id }, { at: now, caseId: found.id });
      await notifyPerson(tx, deps, { userId: found.assigneeId, kind: "rated", caseId: found.id, data: { score: input.score }, dedupeKey: `rated:${found.id}`, at: now },
        { case: found, notice: { notice: "alert.case_rated", params: { customer: found.customer.name, score: input.score } } });
      return { ok: true, score: input.score };
    });
    if (result.ok) deps.onOutbox?.();
    return result;
  } catch (error) {
    // Another click committed the case's rating between our read and our insert.
    if (isUniqueViolation(error)) return { ok: false, reason: "already_rated" };
    throw error;
  }
}

export type CommentResult = { ok: true } | { ok: false; reason: "not_rated" | "already_commented" | "empty" };

/** The comment under a rating, once: a second submission (or a resubmitted modal) changes nothing. */
export async function commentOnRating(
  deps: Pick<ServiceDeps, "db" | "clock" | "onOutbox">, input: { caseId: number; comment: string; actorId: string },
): Promise<CommentResult> {
  const comment = input.comment.trim().slice(0, MAX_COMMENT);
  if (!comment) return { ok: false, reason: "empty" };
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx): Promise<CommentResult> => {
    const rating = await ratingOfCase(tx, input.caseId);
    if (!rating) return { ok: false, reason: "not_rated" };
    if (!(await addRatingComment(tx, rating.id, comment))) return { ok: false, reason: "already_commented" };
    await recordCaseEvent(tx, { caseId: input.caseId, kind: "rating_comment", actorId: input.actorId, at: now });
    await enqueue(tx, rating.case.channelId, { kind: "rating.refresh", caseId: input.caseId }, { at: now, caseId: input.caseId });
    return { ok: true };
  });
  if (result.ok) deps.onOutbox?.();
  return result;
}
