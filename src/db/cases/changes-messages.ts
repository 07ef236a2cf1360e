// The conversation in a case's thread: each message recorded once (its channel and ts are unique, so a redelivery
// fails), the case moved by it, later edits and deletions. Its own file because a message changes the case without
// a guard or an event: Slack's ts orders the conversation, not the state read.
import type { Db, Tx } from "../client.ts";
import type { CaseColumns } from "./changes.ts";
import type { AuthorRole } from "../../domain/roles.ts";

export interface ThreadRecord { channelId: string; ts: string; userId: string; authorRole: AuthorRole; text: string; postedAt: Date }

/** Records a message on its own; a copy already recorded fails with a unique violation. */
export async function recordThreadMessage(tx: Tx, caseId: number, record: ThreadRecord): Promise<void> {
  await tx.caseMessage.create({ data: { caseId, ...record }, select: { id: true } });
}

/** Moves the case as a message does, recording the message in the same write unless it was recorded already. */
export function moveCaseByMessage(tx: Tx, caseId: number, set: CaseColumns, unrecorded: ThreadRecord | null) {
  return tx.case.update({ where: { id: caseId }, data: { ...set, ...(unrecorded ? { messages: { create: unrecorded } } : {}) }, select: { state: true } });
}

export type ThreadEdit = { deleted: true } | { deleted: false; text: string | null };

/** An edit or deletion of a recorded message, whichever case it is in; false when no such message is recorded. */
export async function editThreadMessage(db: Db | Tx, message: { channelId: string; ts: string }, edit: ThreadEdit, at: Date): Promise<boolean> {
  const { count } = await db.caseMessage.updateMany({
    where: { channelId: message.channelId, ts: message.ts },
    data: edit.deleted ? { deletedAt: at } : { text: edit.text ?? "", editedAt: at },
  });
  return count > 0;
}

/** When the case's customer next wrote after `after`, or null. */
export function nextCustomerMessageAfter(tx: Tx, caseId: number, after: Date): Promise<{ postedAt: Date } | null> {
  return tx.caseMessage.findFirst({
    where: { caseId, authorRole: "customer", postedAt: { gt: after } },
    orderBy: { postedAt: "asc" }, select: { postedAt: true },
  });
}
