// What App Home shows an engineer of their own work: the active cases they have, each with the next thing due on
// it, and the cases of theirs that closed lately. Read only.
import { activeAssignedTo, countActiveAssignedTo, recentlyClosedOf } from "../db/cases/views-work.ts";
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

export async function loadMyCases(deps: Pick<ServiceDeps, "db" | "calendar">, userId: string, limit = MY_CASE_ROWS): Promise<MyCases> {
  const [total, rows] = await Promise.all([
    countActiveAssignedTo(deps.db.client, userId), activeAssignedTo(deps.db.client, userId, limit),
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
  const rows = await recentlyClosedOf(deps.db.client, userId, limit);
  return rows.map((c) => ({
    id: c.id, number: caseNumber(c.id), title: c.title, customerName: c.customer.name, channelId: c.channelId, rootTs: c.rootTs,
    state: c.state, closedOn: deps.calendar.localDate(c.closedAt ?? new Date(0)),
  }));
}
