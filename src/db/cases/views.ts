// Reads of one case or a few for what people are shown of them: its messages, its card, a search's results, its
// whole record, the report's first draft and the case modal. They only read, and what they select follows the
// screens, so they live apart from the reads and writes that change a case.
import type { Db, Tx } from "../client.ts";

/**
 * Several cases with what their messages show: the customer's contracts and channels, and the rating. One query,
 * however many cases.
 */
export function casesForViews(db: Db | Tx, caseIds: readonly number[]) {
  return db.case.findMany({
    where: { id: { in: [...caseIds] } },
    include: {
      customer: {
        select: {
          name: true,
          contracts: { orderBy: [{ endsOn: "asc" }, { id: "asc" }] },
          channels: { select: { channelId: true, locale: true } },
        },
      },
      rating: { select: { score: true, comment: true, askTs: true } },
    },
  });
}

/** What the card of a case adds to its message: when it was first answered and when it ended. */
export function caseCardTimes(db: Db | Tx, caseId: number) {
  return db.case.findUniqueOrThrow({ where: { id: caseId }, select: { firstResponseAt: true, closedAt: true } });
}

/** The thread messages of a case that were not deleted. */
export function liveMessageCount(db: Db | Tx, caseId: number): Promise<number> {
  return db.caseMessage.count({ where: { caseId, deletedAt: null } });
}

/** The cases a search found, with what a result line shows. */
export function casesForResults(db: Db | Tx, caseIds: readonly number[]) {
  return db.case.findMany({
    where: { id: { in: [...caseIds] } },
    select: { id: true, title: true, description: true, state: true, channelId: true, rootTs: true, createdAt: true, customer: { select: { name: true } } },
  });
}

/** A case with its customer's name, as its record starts. */
export function caseForTranscript(db: Db | Tx, caseId: number) {
  return db.case.findUnique({ where: { id: caseId }, include: { customer: { select: { name: true } } } });
}

/** Every thread message of a case, the edited and deleted ones too, in the order they were posted. */
export function transcriptMessages(db: Db | Tx, caseId: number) {
  return db.caseMessage.findMany({ where: { caseId }, orderBy: [{ postedAt: "asc" }, { ts: "asc" }] });
}

/** Every event of a case, oldest first. */
export function transcriptEvents(db: Db | Tx, caseId: number) {
  return db.caseEvent.findMany({ where: { caseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** The customer's cases not yet ended. */
export function activeCaseCountOf(db: Db | Tx, customerId: number): Promise<number> {
  return db.case.count({ where: { customerId, state: { in: ["open", "in_progress", "answered"] } } });
}

/** The case already made from a message, found by its submission's idempotency key. */
export function caseOfRequestKey(db: Db | Tx, requestKey: string) {
  return db.case.findUnique({ where: { requestKey }, select: { id: true } });
}

/** A closed case that a new one may follow: whose it is and when it closed. */
export function caseToFollow(db: Db | Tx, caseId: number) {
  return db.case.findUnique({ where: { id: caseId }, select: { id: true, customerId: true, closedAt: true } });
}

/** The customer's latest words in a case's thread, since it closed when it did. */
export function latestCustomerText(db: Db | Tx, caseId: number, closedAt: Date | null) {
  return db.caseMessage.findFirst({
    where: { caseId, authorRole: "customer", deletedAt: null, ...(closedAt ? { postedAt: { gte: closedAt } } : {}) },
    orderBy: { postedAt: "desc" }, select: { text: true },
  });
}

/** A case with its customer, as the report's first draft fills itself from it. */
export function caseForReportDraft(db: Db | Tx, caseId: number) {
  return db.case.findUnique({ where: { id: caseId }, include: { customer: true } });
}

/** What an alert to the engineers about a case needs: the case and its triage message. */
export function caseForAlert(db: Db | Tx, caseId: number) {
  return db.case.findUnique({ where: { id: caseId }, select: { id: true, triageTs: true } });
}
