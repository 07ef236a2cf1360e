// The weekly digest's deliveries (DigestDelivery): one row per recipient and week, whose insert claims the sending.
// Its own file because the row is about the managers' digest, not about any one contract.
import type { Db, Tx } from "../client.ts";

/** Of these recipients, those already sent the digest of the week starting on `weekOf`. */
export async function recipientsSent(db: Db | Tx, weekOf: string, recipients: readonly string[]): Promise<string[]> {
  return (await db.digestDelivery.findMany({ where: { weekOf, recipient: { in: [...recipients] } }, select: { recipient: true } })).map((d) => d.recipient);
}

/** Claims the week's digest for a recipient; a second claim fails with a unique violation. */
export async function claimDigest(tx: Tx, recipient: string, weekOf: string, at: Date): Promise<void> {
  await tx.digestDelivery.create({ data: { recipient, weekOf, claimedAt: at } });
}
