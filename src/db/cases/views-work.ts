// Reads of the cases engineers work through: the queue (waiting on T4U, then on the customer), a person's own
// cases and those of theirs that ended lately, and the cases their notifications speak of. Lists, not one case,
// so they are kept apart from the reads of a single case in views.ts.
import type { CaseState } from "../../domain/case.ts";
import type { Db, Tx } from "../client.ts";

const WAITING_ON_T4U = { state: { in: ["open", "in_progress"] satisfies CaseState[] } };
const WAITING_ON_CUSTOMER = { state: "answered" as const };
const ACTIVE: CaseState[] = ["open", "in_progress", "answered"];

const QUEUE_SELECT = {
  id: true, title: true, channelId: true, rootTs: true, level: true, state: true, assigneeId: true, createdAt: true, updatedAt: true,
  oldestUnansweredAt: true, lastEngineerMessageAt: true, firstResponseAt: true, firstResponseDueAt: true,
  firstResponseRemindAt: true, expectedAnswerOn: true, customer: { select: { name: true } },
} as const;

export function countWaitingOnT4U(db: Db | Tx): Promise<number> {
  return db.case.count({ where: WAITING_ON_T4U });
}

export function countWaitingOnCustomer(db: Db | Tx): Promise<number> {
  return db.case.count({ where: WAITING_ON_CUSTOMER });
}

/** Cases waiting on T4U, the oldest unanswered question first. */
export function queueWaitingOnT4U(db: Db | Tx, take: number) {
  return db.case.findMany({
    where: WAITING_ON_T4U, select: QUEUE_SELECT, take,
    orderBy: [{ oldestUnansweredAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
  });
}

/** Cases waiting on the customer, those whose last answer is oldest (and so close soonest) first. */
export function queueWaitingOnCustomer(db: Db | Tx, take: number) {
  return db.case.findMany({
    where: WAITING_ON_CUSTOMER, select: QUEUE_SELECT, take,
    orderBy: [{ lastEngineerMessageAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  });
}

export type QueueCase = Awaited<ReturnType<typeof queueWaitingOnT4U>>[number];

export function countActiveAssignedTo(db: Db | Tx, userId: string): Promise<number> {
  return db.case.count({ where: { assigneeId: userId, state: { in: ACTIVE } } });
}

/** A person's active cases: waiting on T4U first, oldest question first (as the queue); then those waiting on the customer. */
export function activeAssignedTo(db: Db | Tx, userId: string, take: number) {
  return db.case.findMany({
    where: { assigneeId: userId, state: { in: ACTIVE } }, take,
    orderBy: [{ oldestUnansweredAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: {
      id: true, title: true, channelId: true, rootTs: true, state: true, firstResponseAt: true, firstResponseDueAt: true,
      expectedAnswerOn: true, autoCloseAt: true, customer: { select: { name: true } },
    },
  });
}

/** A person's cases that ended most recently. */
export function recentlyClosedOf(db: Db | Tx, userId: string, take: number) {
  return db.case.findMany({
    where: { assigneeId: userId, closedAt: { not: null } }, take, orderBy: [{ closedAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, channelId: true, rootTs: true, state: true, closedAt: true, customer: { select: { name: true } } },
  });
}

/** The cases a batch of notifications speaks of, with what a notification line shows. */
export function casesForNotifications(db: Db | Tx, caseIds: readonly number[]) {
  return db.case.findMany({
    where: { id: { in: [...new Set(caseIds)] } },
    select: { id: true, title: true, channelId: true, rootTs: true, customer: { select: { name: true } } },
  });
}
