// The engineers' queue (R-LIFE-5): open cases, the oldest unanswered customer question first, then the cases
// waiting on the customer (those whose last answer is oldest first, as they close soonest). Marks for the
// first-response target (R-LIFE-7) are computed here so every rendering (App Home, /queue) agrees.
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
const select = {
  id: true, title: true, channelId: true, rootTs: true, level: true, state: true, assigneeId: true, createdAt: true, updatedAt: true,
  oldestUnansweredAt: true, lastEngineerMessageAt: true, firstResponseAt: true, firstResponseDueAt: true,
  firstResponseRemindAt: true, expectedAnswerOn: true, customer: { select: { name: true } },
} as const;

export async function loadQueue(deps: Pick<ServiceDeps, "db" | "clock" | "calendar">, limit = QUEUE_ROWS): Promise<Queue> {
  const now = deps.clock.now();
  const db = deps.db.client;
  const onT4U = { state: { in: ["open", "in_progress"] satisfies CaseState[] } };
  const onCustomer = { state: "answered" as const };
  const [waitingOnT4U, waitingOnCustomer, first] = await Promise.all([
    db.case.count({ where: onT4U }),
    db.case.count({ where: onCustomer }),
    db.case.findMany({
      where: onT4U, select, take: limit,
      orderBy: [{ oldestUnansweredAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const room = limit - first.length;
  const then = room > 0 ? await db.case.findMany({
    where: onCustomer, select, take: room,
    orderBy: [{ lastEngineerMessageAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  }) : [];
  const ids = [...first, ...then].map((c) => c.id);
  const pending = ids.length ? await db.proposal.findMany({ where: { caseId: { in: ids }, state: "pending" }, select: { caseId: true } }) : [];
  const awaiting = new Set(pending.map((p) => p.caseId));
  const row = (c: (typeof first)[number], waitingOn: QueueRow["waitingOn"]): QueueRow => {
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
