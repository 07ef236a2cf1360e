// The channel's entry message ("open a case") as its delivery reads and records it: posted again, it moves the
// pin, so the ts of the one posted last is kept on the channel row. Its own file: only the delivery writes it.
import type { Db, Tx } from "../client.ts";

/** The channel's language and its entry message's ts; null when the channel is not registered. */
export function channelEntry(db: Db | Tx, channelId: string) {
  return db.customerChannel.findUnique({ where: { channelId }, select: { locale: true, entryTs: true } });
}

export async function recordEntryTs(db: Db | Tx, channelId: string, ts: string): Promise<void> {
  await db.customerChannel.updateMany({ where: { channelId }, data: { entryTs: ts } });
}
