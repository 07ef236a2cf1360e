// A registered customer channel (CustomerChannel) as the manager's and the delivery's use cases read it: whether
// it is registered, whose it is, and the language the app speaks in it. The workspaces and approvers of its
// tenancy are in ../channels.ts; this file holds the channel row itself.
import type { Db, Tx } from "../client.ts";

export async function isRegisteredChannel(db: Db | Tx, channelId: string): Promise<boolean> {
  return (await db.customerChannel.findUnique({ where: { channelId }, select: { id: true } })) !== null;
}

/** The channel with its customer, as the tenancy view shows it; null when the channel is not registered. */
export function tenancyChannel(db: Db | Tx, channelId: string) {
  return db.customerChannel.findUnique({ where: { channelId }, select: { locale: true, customerId: true, customer: { select: { name: true } } } });
}

/** The name of a registered channel's customer; throws for a channel that is not registered. */
export async function customerNameOfChannel(tx: Tx, channelId: string): Promise<string> {
  const channel = await tx.customerChannel.findUniqueOrThrow({ where: { channelId }, select: { customer: { select: { name: true } } } });
  return channel.customer.name;
}

/** The language stored for the channel; null when the channel is not registered. */
export async function channelLocale(db: Db | Tx, channelId: string) {
  const channel = await db.customerChannel.findUnique({ where: { channelId }, select: { locale: true } });
  return channel?.locale ?? null;
}

export async function storeChannelLocale(tx: Tx, channelId: string, locale: "ja" | "en"): Promise<void> {
  await tx.customerChannel.update({ where: { channelId }, data: { locale } });
}
