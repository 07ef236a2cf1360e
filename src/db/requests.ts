// A submission that reaches us twice (the person clicked Submit again after Slack gave up waiting, or a CLI run
// was repeated with the same key) must move a balance once. The key is claimed at the end of the transaction
// that makes the movement, so a refused attempt leaves it free for the corrected one; the table is the one that
// also de-duplicates Slack's redeliveries.
import { isUniqueViolation, type Tx } from "./client.ts";

export class DuplicateRequest extends Error {}

/** Throws DuplicateRequest (rolling the transaction back) when a committed transaction already claimed the key. */
export async function claimRequest(tx: Tx, key: string | undefined, at: Date): Promise<void> {
  if (!key) return;
  const id = `request:${key}`;
  if (await tx.slackDelivery.findUnique({ where: { key: id }, select: { key: true } })) throw new DuplicateRequest(key);
  await tx.slackDelivery.create({ data: { key: id, receivedAt: at } });
}

/** A concurrent twin loses on the key's primary key; either way the request was already handled. */
export function isDuplicateRequest(error: unknown, key: string | undefined): boolean {
  return error instanceof DuplicateRequest || (key !== undefined && isUniqueViolation(error));
}
