// The conversation in a case's thread: each message recorded once (its channel and ts are unique, so a redelivery
// fails), the case moved by it, later edits and deletions. Its own file because a message changes the case without
// a guard or an event: Slack's ts orders the conversation, not the state read.
import type { Db, Tx } from "../client.ts";
import { caseAssignments, type CaseColumns } from "./changes.ts";
import type { CaseState } from "../../domain/case.ts";
import type { AuthorRole } from "../../domain/roles.ts";

export interface ThreadRecord { channelId: string; ts: string; userId: string; authorRole: AuthorRole; text: string; postedAt: Date }

/**
 * Records a message on its own; a copy already recorded fails with a unique violation. Raw SQL, as the case's move
 * below: every message in a case's thread is recorded so.
 */
export async function recordThreadMessage(tx: Tx, caseId: number, r: ThreadRecord): Promise<void> {
  await tx.$executeRaw`INSERT INTO "CaseMessage" ("caseId", "channelId", "ts", "userId", "authorRole", "text", "postedAt")
    VALUES (${caseId}, ${r.channelId}, ${r.ts}, ${r.userId}, ${r.authorRole}, ${r.text}, ${r.postedAt})`;
}

/**
 * Moves the case as a message does (its updatedAt is `at`), recording the message in the same transaction unless it
 * was recorded already; the state the case is left in.
 */
export async function moveCaseByMessage(tx: Tx, caseId: number, set: CaseColumns, unrecorded: ThreadRecord | null, at: Date): Promise<{ state: CaseState }> {
  const [row] = await tx.$queryRaw<Array<{ state: CaseState }>>`UPDATE "Case" SET ${caseAssignments(set, at)} WHERE "id" = ${caseId} RETURNING "state"`;
  if (!row) throw new Error(`case ${caseId} not found`);
  if (unrecorded) await recordThreadMessage(tx, caseId, unrecorded);
  return row;
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
