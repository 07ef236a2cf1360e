// 「ご依頼中の案件」: what a customer channel's people see of their cases — the active ones and those that ended in
// the last RECENT_DAYS days. Only that channel's cases; who may ask is checked by the caller. Read only.
import { activeCasesOfChannel, endedCasesOfChannel, type ChannelCaseRecord } from "../db/cases/of-channel.ts";
import { caseNumber, type CaseLevel, type CaseState } from "../domain/case.ts";
import type { ServiceDeps } from "./deps.ts";

export interface ChannelCase {
  id: number;
  number: string;
  title: string;
  state: CaseState;
  level: CaseLevel;
  incidents: number;
  rootTs: string | null;
  /** Local dates in the business timezone ("YYYY-MM-DD"); worded by the catalogue. */
  openedOn: string;
  closedOn: string | null;
}

export interface ChannelCases { active: ChannelCase[]; moreActive: number; ended: ChannelCase[] }

export const RECENT_DAYS = 30;
/** Enough rows for any channel's week, few enough for one modal (Slack allows 100 blocks). */
export const ACTIVE_ROWS = 40;
export const ENDED_ROWS = 10;

export async function channelCases(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, channelId: string): Promise<ChannelCases> {
  const since = new Date(deps.clock.now().getTime() - RECENT_DAYS * 86_400_000);
  const [active, ended] = await Promise.all([
    activeCasesOfChannel(deps.db.client, channelId, ACTIVE_ROWS),
    endedCasesOfChannel(deps.db.client, channelId, since, ENDED_ROWS),
  ]);
  const row = (c: ChannelCaseRecord): ChannelCase => ({
    id: c.id, number: caseNumber(c.id), title: c.title, state: c.state, level: c.level, incidents: c.incidents,
    rootTs: c.rootTs, openedOn: deps.calendar.localDate(c.createdAt), closedOn: c.closedAt ? deps.calendar.localDate(c.closedAt) : null,
  });
  return { active: active.rows.map(row), moreActive: active.total - active.rows.length, ended: ended.map(row) };
}
