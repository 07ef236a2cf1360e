// Reads of one case or a few for what people are shown of them: its messages, its card, a search's results, its
// whole record, the report's first draft and the case modal. They only read, and what they select follows the
// screens, so they live apart from the reads and writes that change a case.
import type { CaseLevel, CaseState } from "../../domain/case.ts";
import { Prisma, type Db, type Tx } from "../client.ts";

/** A case as its messages show it: its own columns, its customer's name, its channel's language and its rating. */
export interface CaseForView {
  id: number;
  customerId: number;
  channelId: string;
  title: string;
  description: string;
  product: string | null;
  level: CaseLevel;
  levelReason: "reproduction" | "report" | null;
  incidents: number;
  state: CaseState;
  openedBy: string;
  assigneeId: string | null;
  rootTs: string | null;
  triageTs: string | null;
  createdAt: Date;
  autoCloseAt: Date | null;
  expectedAnswerOn: string | null;
  firstResponseDueAt: Date | null;
  customerName: string;
  /** The stored language of the case's channel while it is the customer's; null once it has left the customer. */
  channelLocale: string | null;
  rating: { score: number; comment: string | null; askTs: string | null } | null;
}

type CaseForViewRow = Omit<CaseForView, "id" | "customerId" | "incidents" | "rating"> & {
  id: number | bigint; customerId: number | bigint; incidents: number | bigint;
  ratingScore: number | bigint | null; ratingComment: string | null; ratingAskTs: string | null;
};

/**
 * Several cases with what their messages show, in one statement however many cases. Raw SQL, because every
 * message the outbox delivers reads it: the ORM's nested include ran a statement per relation (case, customer,
 * channels, rating) and cost several times this one's CPU. The customer's contracts are read beside it
 * (src/db/contracts/case-views.ts). The case's channel is joined only while it is the customer's, as the include
 * read it from the customer's channels.
 */
export async function casesForViews(db: Db | Tx, caseIds: readonly number[]): Promise<CaseForView[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.$queryRaw<CaseForViewRow[]>`
    SELECT c."id", c."customerId", c."channelId", c."title", c."description", c."product", c."level", c."levelReason",
      c."incidents", c."state", c."openedBy", c."assigneeId", c."rootTs", c."triageTs", c."createdAt", c."autoCloseAt",
      c."expectedAnswerOn", c."firstResponseDueAt", cu."name" AS "customerName", ch."locale" AS "channelLocale",
      r."score" AS "ratingScore", r."comment" AS "ratingComment", r."askTs" AS "ratingAskTs"
    FROM "Case" c
    JOIN "Customer" cu ON cu."id" = c."customerId"
    LEFT JOIN "CustomerChannel" ch ON ch."channelId" = c."channelId" AND ch."customerId" = c."customerId"
    LEFT JOIN "CaseRating" r ON r."caseId" = c."id"
    WHERE c."id" IN (${Prisma.join([...caseIds])})`;
  return rows.map(({ ratingScore, ratingComment, ratingAskTs, ...c }) => ({
    ...c, id: Number(c.id), customerId: Number(c.customerId), incidents: Number(c.incidents),
    rating: ratingScore === null ? null : { score: Number(ratingScore), comment: ratingComment, askTs: ratingAskTs },
  }));
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
