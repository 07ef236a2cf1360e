// The engineers' queue (R-LIFE-5): open cases, the oldest unanswered customer question first, then the cases
// waiting on the customer (those whose last answer is oldest first, as they close soonest). Marks for the
// first-response target (R-LIFE-7) are computed here so every rendering (App Home, /queue) agrees.
import { countWaitingOnCustomer, countWaitingOnT4U, queueWaitingOnCustomer, queueWaitingOnT4U, type QueueCase } from "../db/cases/views-work.ts";
import { casesAwaitingApproval } from "../db/cases/proposals.ts";
import { caseNumber, type CaseLevel, type CaseState } from "../domain/case.ts";
import type { ServiceDeps } from "./deps.ts";

export type DueMark = "overdue" | "due_soon" | null;

export interface QueueRow {
  id: number;
  number: string;
  title: string;
  customerName: string;
  channelId: string;
  /** The case's root message in the customer's channel (its thread), once posted. */
  rootTs: string | null;
  level: CaseLevel;
  state: CaseState;
  assigneeId: string | null;
  waitingOn: "t4u" | "customer";
  /** Since when it has waited on its side: the oldest unanswered question, or the last answer. */
  since: Date;
  /** Whole business days since then (0 on the same business day), and hours for the same-day case. */
  ageBusinessDays: number;
  ageHours: number;
  firstResponseDueAt: Date | null;
  due: DueMark;
  expectedAnswerOn: string | null;
  /** A proposal to raise its incidents awaits the customer's answer. */
  awaitingApproval: boolean;
}

export interface Queue { rows: QueueRow[]; waitingOnT4U: number; waitingOnCustomer: number; more: number }

/** Rows shown at once: App Home and a message both have room for this many besides their other blocks. */
export const QUEUE_ROWS = 40;

const HOUR_MS = 3_600_000;

export async function loadQueue(deps: Pick<ServiceDeps, "db" | "clock" | "calendar">, limit = QUEUE_ROWS): Promise<Queue> {
  const now = deps.clock.now();
  const db = deps.db.client;
  const [waitingOnT4U, waitingOnCustomer, first] = await Promise.all([
    countWaitingOnT4U(db), countWaitingOnCustomer(db), queueWaitingOnT4U(db, limit),
  ]);
  const room = limit - first.length;
  const then = room > 0 ? await queueWaitingOnCustomer(db, room) : [];
  const awaiting = await casesAwaitingApproval(db, [...first, ...then].map((c) => c.id));
  const row = (c: QueueCase, waitingOn: QueueRow["waitingOn"]): QueueRow => {
    const since = waitingOn === "t4u" ? c.oldestUnansweredAt ?? c.createdAt : c.lastEngineerMessageAt ?? c.updatedAt;
    const dueAt = waitingOn === "t4u" && !c.firstResponseAt ? c.firstResponseDueAt : null;
    const due: DueMark = !dueAt ? null
      : now >= dueAt ? "overdue"
      : c.firstResponseRemindAt && now >= c.firstResponseRemindAt ? "due_soon" : null;
    return {
      id: c.id, number: caseNumber(c.id), title: c.title, customerName: c.customer.name, channelId: c.channelId, rootTs: c.rootTs,
      level: c.level, state: c.state, assigneeId: c.assigneeId, waitingOn, since,
      ageBusinessDays: deps.calendar.businessDaysBetween(since, now),
      ageHours: Math.max(0, Math.floor((now.getTime() - since.getTime()) / HOUR_MS)),
      firstResponseDueAt: c.firstResponseAt ? null : c.firstResponseDueAt, due,
      expectedAnswerOn: c.expectedAnswerOn, awaitingApproval: awaiting.has(c.id),
    };
  };
  const rows = [...first.map((c) => row(c, "t4u")), ...then.map((c) => row(c, "customer"))];
  return { rows, waitingOnT4U, waitingOnCustomer, more: waitingOnT4U + waitingOnCustomer - rows.length };
}
