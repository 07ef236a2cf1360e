// Customer channels as registration, the monthly usage statement and the full export see them: the channels a
// registration adds, each channel's statement switch and the last month it was posted in (whose conditional update
// is the statement's claim).
import type { Db, Tx } from "../client.ts";

/** Not posted in `month` yet: never posted, or last in an earlier month. */
const unposted = (month: string) => ({ OR: [{ statementPostedIn: null }, { statementPostedIn: { lt: month } }] });

/** The channels with the monthly statement on that have not had `month`'s yet, with their customer's name. */
export function channelsDueStatement(db: Db | Tx, month: string) {
  return db.customerChannel.findMany({
    where: { statementMonthly: true, ...unposted(month) },
    select: { channelId: true, customerId: true, customer: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
}

/** Records `month`'s statement as posted in the channel, unless it already was (or was turned off): true when this did. */
export async function claimStatementMonth(tx: Tx, channelId: string, month: string): Promise<boolean> {
  const { count } = await tx.customerChannel.updateMany({ where: { channelId, statementMonthly: true, ...unposted(month) }, data: { statementPostedIn: month } });
  return count > 0;
}

/** Whether the channel's monthly statement is on; null for a channel that is not registered. */
export function statementSetting(db: Db | Tx, channelId: string) {
  return db.customerChannel.findUnique({ where: { channelId }, select: { statementMonthly: true } });
}

/**
 * Turns the channel's monthly statement on or off, if it is not so already. Turned on, `due` counts as posted, so
 * the first statement is the next month's.
 */
export async function switchStatementMonthly(db: Db | Tx, channelId: string, on: boolean, due: string): Promise<void> {
  await db.customerChannel.updateMany({
    where: { channelId, statementMonthly: !on },
    data: on ? { statementMonthly: true, statementPostedIn: due } : { statementMonthly: false },
  });
}

/** The channels of this list that are registered already, with their customer's name. */
export function registeredChannels(tx: Tx, channelIds: readonly string[]) {
  return tx.customerChannel.findMany({ where: { channelId: { in: [...channelIds] } }, include: { customer: { select: { name: true } } } });
}

/** Registers a channel as the customer's (in the default language unless one is given). */
export async function addCustomerChannel(tx: Tx, c: { channelId: string; customerId: number; at: Date; locale?: "ja" | "en" }): Promise<void> {
  await tx.customerChannel.create({ data: { channelId: c.channelId, customerId: c.customerId, createdAt: c.at, ...(c.locale ? { locale: c.locale } : {}) } });
}

/** A page of customer channels in id order after `afterId`, for the full export. */
export function channelsAfter(db: Db | Tx, afterId: number, take: number) {
  return db.customerChannel.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take });
}
