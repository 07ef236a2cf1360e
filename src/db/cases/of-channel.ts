// A customer channel's cases as its customers look them up: the active ones, and those that ended lately.
import { ACTIVE_STATES, type CaseLevel, type CaseState } from "../../domain/case.ts";
import type { Db } from "../client.ts";

const SELECT = { id: true, title: true, state: true, level: true, incidents: true, rootTs: true, createdAt: true, closedAt: true } as const;

export interface ChannelCaseRecord {
  id: number; title: string; state: CaseState; level: CaseLevel; incidents: number; rootTs: string | null; createdAt: Date; closedAt: Date | null;
}

/** The channel's active cases, oldest first, at most `limit`, and how many there are in all. */
export async function activeCasesOfChannel(client: Db, channelId: string, limit: number): Promise<{ rows: ChannelCaseRecord[]; total: number }> {
  const where = { channelId, state: { in: [...ACTIVE_STATES] } };
  const [total, rows] = await Promise.all([
    client.case.count({ where }),
    client.case.findMany({ where, take: limit, orderBy: { id: "asc" }, select: SELECT }),
  ]);
  return { rows, total };
}

/** The channel's cases that ended at or after `since`, latest first, at most `limit`. */
export async function endedCasesOfChannel(client: Db, channelId: string, since: Date, limit: number): Promise<ChannelCaseRecord[]> {
  return client.case.findMany({
    where: { channelId, closedAt: { gte: since } }, take: limit, orderBy: [{ closedAt: "desc" }, { id: "desc" }], select: SELECT,
  });
}
