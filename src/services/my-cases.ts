// What App Home shows an engineer of their own work: the active cases they have, each with the next thing due on
// it, and the cases of theirs that closed lately. Read only.
import { caseNumber, type CaseState } from "../domain/case.ts";
import { nextDue, type NextDue } from "../domain/next-due.ts";
import type { ServiceDeps } from "./deps.ts";

export interface MyCase {
  id: number;
  number: string;
  title: string;
  customerName: string;
  channelId: string;
  rootTs: string | null;
  state: CaseState;
  next: NextDue;
}

export interface MyCases { rows: MyCase[]; more: number }

export interface ClosedCase {
  id: number;
  number: string;
  title: string;
  customerName: string;
  channelId: string;
  rootTs: string | null;
  state: CaseState;
  closedOn: string;
}

export const MY_CASE_ROWS = 10;
export const CLOSED_ROWS = 5;
const ACTIVE: CaseState[] = ["open", "in_progress", "answered"];

export async function loadMyCases(deps: Pick<ServiceDeps, "db" | "calendar">, userId: string, limit = MY_CASE_ROWS): Promise<MyCases> {
  const where = { assigneeId: userId, state: { in: ACTIVE } };
  const [total, rows] = await Promise.all([
    deps.db.client.case.count({ where }),
    deps.db.client.case.findMany({
      where, take: limit,
      // Waiting on T4U first, oldest question first (as the queue); then those waiting on the customer.
      orderBy: [{ oldestUnansweredAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: {
        id: true, title: true, channelId: true, rootTs: true, state: true, firstResponseAt: true, firstResponseDueAt: true,
        expectedAnswerOn: true, autoCloseAt: true, customer: { select: { name: true } },
      },
    }),
  ]);
  return {
    more: total - rows.length,
    rows: rows.map((c) => {
      const state = c.state;
      return {
        id: c.id, number: caseNumber(c.id), title: c.title, customerName: c.customer.name, channelId: c.channelId, rootTs: c.rootTs, state,
        next: nextDue({
          state, firstResponseAt: c.firstResponseAt, firstResponseDueAt: c.firstResponseDueAt, expectedAnswerOn: c.expectedAnswerOn,
          autoCloseOn: c.autoCloseAt ? deps.calendar.localDate(c.autoCloseAt) : null,
        }),
      };
    }),
  };
}

/** The person's cases that ended most recently (resolved, closed, cancelled, declined). */
export async function loadRecentlyClosed(deps: Pick<ServiceDeps, "db" | "calendar">, userId: string, limit = CLOSED_ROWS): Promise<ClosedCase[]> {
  const rows = await deps.db.client.case.findMany({
    where: { assigneeId: userId, closedAt: { not: null } }, take: limit, orderBy: [{ closedAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, channelId: true, rootTs: true, state: true, closedAt: true, customer: { select: { name: true } } },
  });
  return rows.map((c) => ({
    id: c.id, number: caseNumber(c.id), title: c.title, customerName: c.customer.name, channelId: c.channelId, rootTs: c.rootTs,
    state: c.state, closedOn: deps.calendar.localDate(c.closedAt ?? new Date(0)),
  }));
}
