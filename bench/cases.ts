// Finding the cases a benchmark opened, and the root messages the app posted for them, to act on them next.
import type { SlackMessage } from "../tools/slack-sim/index.ts";
import type { World } from "./world.ts";

export interface OpenCase { id: number; channelId: string; rootTs: string }

/** Open cases whose root message is posted, oldest first. */
export async function openCases(world: World, limit: number): Promise<OpenCase[]> {
  if (!world.database) return [];
  const rows = await world.database.db.client.case.findMany({
    where: { state: { in: ["open", "in_progress", "answered"] }, rootTs: { not: null } },
    select: { id: true, channelId: true, rootTs: true }, orderBy: { id: "asc" }, take: limit,
  });
  return rows.map((r) => ({ id: r.id, channelId: r.channelId, rootTs: r.rootTs ?? "" }));
}

export function rootMessage(world: World, c: OpenCase): SlackMessage {
  const found = world.slack.message(c.channelId, c.rootTs);
  if (!found) throw new Error(`the stand-in holds no root message for case ${c.id}`);
  return found;
}
