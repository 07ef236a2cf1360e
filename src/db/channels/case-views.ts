// Reads of a customer channel for what is shown of a case in it: the channel's language. Kept apart from the
// channel's own administration (src/db/channels/teams.ts), which these reads never change.
import type { Db, Tx } from "../client.ts";

/** A case's channel read on its own, when it has since left the case's customer. */
export function channelForCaseView(db: Db | Tx, channelId: string) {
  return db.customerChannel.findUnique({ where: { channelId }, select: { channelId: true, locale: true } });
}

/** The language a channel's record of a case is written in. */
export function channelLocale(db: Db | Tx, channelId: string) {
  return db.customerChannel.findUnique({ where: { channelId }, select: { locale: true } });
}
