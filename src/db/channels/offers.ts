// The offers made under customers' messages (CaseOffer): one per message, keyed by the message itself, so that
// however often Slack delivers an event the offer is written once. Its own file: only the offer use cases touch it.
import type { Db, Tx } from "../client.ts";

export interface OfferedMessage { channelId: string; sourceTs: string }

export async function offerExists(tx: Tx, message: OfferedMessage): Promise<boolean> {
  return (await tx.caseOffer.findUnique({ where: { channelId_sourceTs: { channelId: message.channelId, sourceTs: message.sourceTs } }, select: { id: true } })) !== null;
}

/** Whether this person was offered a case in this channel after `since`. */
export async function offeredSince(tx: Tx, to: { channelId: string; userId: string }, since: Date): Promise<boolean> {
  const recent = await tx.caseOffer.findFirst({
    where: { channelId: to.channelId, userId: to.userId, createdAt: { gt: since } }, select: { id: true },
  });
  return recent !== null;
}

export async function recordOffer(tx: Tx, offer: OfferedMessage & { userId: string; text: string; at: Date }): Promise<void> {
  await tx.caseOffer.create({ data: { channelId: offer.channelId, sourceTs: offer.sourceTs, userId: offer.userId, text: offer.text, createdAt: offer.at } });
}

/** The customer's latest wording of the message; false when no offer was made under it. */
export async function reviseOfferText(db: Db | Tx, message: OfferedMessage, text: string): Promise<boolean> {
  const updated = await db.caseOffer.updateMany({ where: { channelId: message.channelId, sourceTs: message.sourceTs }, data: { text } });
  return updated.count > 0;
}

export async function offerText(db: Db | Tx, message: OfferedMessage): Promise<string | null> {
  const offer = await db.caseOffer.findUnique({ where: { channelId_sourceTs: { channelId: message.channelId, sourceTs: message.sourceTs } }, select: { text: true } });
  return offer?.text ?? null;
}
