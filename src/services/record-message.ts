// A message in a case's thread. Customer messages are follow-ups that consume nothing (R-INC-4) and put the
// case back on T4U's side; engineer messages are answers that start the 7-business-day clock (R-LIFE-2).
import { isUniqueViolation } from "../db/client.ts";
import { enqueue } from "../db/outbox.ts";
import { isActive, transition, RefusedTransition, type CaseState } from "../domain/case.ts";
import { instantOfTs } from "../domain/slack-time.ts";
import { autoCloseTimers, delayNoticeAt } from "../domain/timers.ts";
import type { ServiceDeps } from "./deps.ts";

export interface ThreadMessage {
  channelId: string;
  threadTs: string;
  ts: string;
  userId: string;
  role: "customer" | "engineer" | "internal";
  text: string;
}

export type RecordMessageResult =
  | { kind: "recorded"; caseId: number; state: CaseState }
  | { kind: "duplicate" | "not_a_case" | "bad_ts" }
  | { kind: "closed"; caseId: number };

export async function recordMessage(deps: ServiceDeps, message: ThreadMessage): Promise<RecordMessageResult> {
  const postedAt = instantOfTs(message.ts);
  if (!postedAt) return { kind: "bad_ts" };
  const found = await deps.db.client.case.findFirst({ where: { channelId: message.channelId, rootTs: message.threadTs } });
  if (!found) return { kind: "not_a_case" };
  const now = deps.clock.now();
  try {
    const result = await deps.db.transaction(async (tx): Promise<RecordMessageResult> => {
      await tx.caseMessage.create({
        data: { caseId: found.id, channelId: message.channelId, ts: message.ts, userId: message.userId, authorRole: message.role, text: message.text, postedAt },
      });
      // Writing the case row first waits for any transaction changing the case (a resolution, say) to commit, so
      // the state read next is current: an update computed from a stale read would reopen a resolved case.
      await tx.case.updateMany({ where: { id: found.id }, data: { updatedAt: now } });
      const current = await tx.case.findUniqueOrThrow({ where: { id: found.id } });
      const state = current.state as CaseState;
      if (!isActive(state)) {
        // A closed case never reopens (R-LIFE-3): the customer is told once, with a way to open a new case.
        if (message.role === "customer") {
          await enqueue(tx, message.channelId, { kind: "closed.reply", caseId: current.id, threadTs: message.threadTs },
            { at: now, caseId: current.id, dedupeKey: `closed-reply:${current.id}` });
        }
        return { kind: "closed", caseId: current.id };
      }
      if (message.role === "internal") return { kind: "recorded", caseId: current.id, state };
      const next = transition(state, message.role === "customer" ? "customer_message" : "engineer_message");
      if (next instanceof RefusedTransition) return { kind: "closed", caseId: current.id };

      if (message.role === "engineer") {
        // An answer written before a later customer message (a delivery that arrived late) answers nothing new.
        const answersAll = !current.lastCustomerMessageAt || postedAt >= current.lastCustomerMessageAt;
        const latest = !current.lastEngineerMessageAt || postedAt > current.lastEngineerMessageAt;
        await tx.case.update({
          where: { id: current.id },
          data: {
            state: answersAll ? next.to : state,
            firstResponseAt: current.firstResponseAt ?? postedAt,
            // The engineer who answers an unassigned case is the one handling it.
            ...(current.assigneeId ? {} : { assigneeId: message.userId }),
            firstResponseRemindAt: null, firstResponseDueAt: null,
            ...(latest ? { lastEngineerMessageAt: postedAt } : {}),
            ...(answersAll ? { oldestUnansweredAt: null, delayNoticeAt: null, ...autoCloseTimers(latest ? postedAt : current.lastEngineerMessageAt ?? postedAt, deps.calendar) } : {}),
          },
        });
      } else {
        const latest = !current.lastCustomerMessageAt || postedAt > current.lastCustomerMessageAt;
        const waitingSince = current.oldestUnansweredAt ?? postedAt;
        await tx.case.update({
          where: { id: current.id },
          data: {
            state: next.to,
            ...(latest ? { lastCustomerMessageAt: postedAt } : {}),
            oldestUnansweredAt: waitingSince,
            // Once per question: the delay notice timer starts with the first unanswered message (R-LIFE-6).
            delayNoticeAt: current.oldestUnansweredAt ? current.delayNoticeAt : delayNoticeAt(postedAt, deps.calendar),
            autoCloseRemindAt: null, autoCloseAt: null,
          },
        });
      }
      await enqueue(tx, message.channelId, { kind: "case.refresh", caseId: current.id }, { at: now, caseId: current.id });
      const after = await tx.case.findUniqueOrThrow({ where: { id: current.id }, select: { state: true } });
      // The triage announcement shows the state and the first-response due time: refresh it when either moved.
      if (deps.triageChannel && current.triageTs && (after.state !== state || (message.role === "engineer" && !current.firstResponseAt))) {
        await enqueue(tx, deps.triageChannel, { kind: "triage.refresh", caseId: current.id }, { at: now, caseId: current.id });
      }
      return { kind: "recorded", caseId: current.id, state: after.state as CaseState };
    });
    deps.onOutbox?.();
    return result;
  } catch (error) {
    // Slack redelivered a message we already recorded.
    if (isUniqueViolation(error)) return { kind: "duplicate" };
    throw error;
  }
}

/** An edited or deleted message keeps its place in the record; only its text or deletion mark changes. */
export async function recordEdit(deps: ServiceDeps, edit: { channelId: string; ts: string; text: string | null; deleted: boolean }): Promise<boolean> {
  const now = deps.clock.now();
  const { count } = await deps.db.client.caseMessage.updateMany({
    where: { channelId: edit.channelId, ts: edit.ts },
    data: edit.deleted ? { deletedAt: now } : { text: edit.text ?? "", editedAt: now },
  });
  return count > 0;
}
