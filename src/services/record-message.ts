// A message in a case's thread. Customer messages are follow-ups that consume nothing (R-INC-4) and put the
// case back on T4U's side; engineer messages are answers that start the 7-business-day clock (R-LIFE-2).
// The conversation's order is Slack's `ts` (when the person wrote it), never the order deliveries arrive in: a
// retried delivery can land after a reply to it. So a customer message written before the engineer's last answer
// is recorded but reopens nothing, and an answer written before the customer's last message answers nothing new.
import { isUniqueViolation, type Tx } from "../db/client.ts";
import { recordCaseFiles } from "../db/cases/files.ts";
import { caseOfThread, caseUnderLock, lockCase, type CaseRow } from "../db/cases/reads.ts";
import type { CaseColumns } from "../db/cases/changes.ts";
import { editThreadMessage, moveCaseByMessage, nextCustomerMessageAfter, recordThreadMessage, type ThreadRecord } from "../db/cases/changes-messages.ts";
import { customerName } from "../db/contracts/changes.ts";
import { enqueue, enqueueMany } from "../db/outbox.ts";
import { isActive, transition, RefusedTransition, type CaseState } from "../domain/case.ts";
import { instantOfTs } from "../domain/slack-time.ts";
import { autoCloseTimers, delayNoticeAt } from "../domain/timers.ts";
import type { ServiceDeps } from "./deps.ts";
import { notifyPerson } from "./notify-person.ts";

export interface ThreadMessage {
  channelId: string;
  threadTs: string;
  ts: string;
  userId: string;
  role: "customer" | "engineer" | "internal";
  text: string;
  /** Files shared with the message (Slack's file_share): recorded with the case. */
  files?: ReadonlyArray<{ id: string; name: string; mimetype?: string; filetype?: string; size?: number }>;
}

export type RecordMessageResult =
  | { kind: "recorded"; caseId: number; state: CaseState }
  | { kind: "duplicate" | "not_a_case" | "bad_ts" }
  | { kind: "closed"; caseId: number };

export async function recordMessage(deps: ServiceDeps, message: ThreadMessage): Promise<RecordMessageResult> {
  const postedAt = instantOfTs(message.ts);
  if (!postedAt) return { kind: "bad_ts" };
  const now = deps.clock.now();
  try {
    const result = await deps.db.transaction(async (tx): Promise<RecordMessageResult | null> => {
      const found = await caseOfThread(tx, message.channelId, message.threadTs);
      if (!found) return null;
      // Recorded whatever it changes. On PostgreSQL first of all: copies of one event delivered at once then wait
      // on the first one's record and fail as soon as it commits, instead of queueing one by one on the case's row.
      // On SQLite, one transaction at a time, it is written with the case's update when it changes the case.
      const record: ThreadRecord = { channelId: message.channelId, ts: message.ts, userId: message.userId, authorRole: message.role, text: message.text, postedAt };
      let recorded = false;
      const recordAlone = async () => {
        if (!recorded) await recordThreadMessage(tx, found.id, record);
        recorded = true;
      };
      if (deps.db.provider !== "sqlite") await recordAlone();
      if (message.files?.length) {
        await recordCaseFiles(tx, message.files.map((f) => ({
          caseId: found.id, fileId: f.id, name: f.name, mimetype: f.mimetype ?? null, filetype: f.filetype ?? null, size: f.size ?? null,
          userId: message.userId, authorRole: message.role, messageTs: message.ts, postedAt,
        })));
      }
      // An update computed from a read taken before a resolution committed would reopen the resolved case: on
      // PostgreSQL the row is taken and read again; on SQLite, one transaction at a time, the read above is current.
      let current = found;
      if (deps.db.provider !== "sqlite") {
        await lockCase(tx, deps.db.provider, found.id);
        current = await caseUnderLock(tx, found.id);
      }
      const state = current.state;
      if (!isActive(state)) {
        await recordAlone();
        // A closed case never reopens (R-LIFE-3): the customer is told once, with a way to open a new case.
        if (message.role === "customer") {
          await enqueue(tx, message.channelId, { kind: "closed.reply", caseId: current.id, threadTs: message.threadTs },
            { at: now, caseId: current.id, dedupeKey: `closed-reply:${current.id}` });
        }
        return { kind: "closed", caseId: current.id };
      }
      const next = message.role === "internal" ? null : transition(state, message.role === "customer" ? "customer_message" : "engineer_message");
      if (next === null || next instanceof RefusedTransition) {
        await recordAlone();
        return next === null ? { kind: "recorded", caseId: current.id, state } : { kind: "closed", caseId: current.id };
      }

      const data = message.role === "engineer"
        ? await engineerUpdate(tx, deps, current, next.to, postedAt, message.userId)
        : customerUpdate(deps, current, next.to, postedAt);
      const after = await moveCaseByMessage(tx, current.id, data, recorded ? null : record, now);
      // A message written before the engineer's last answer changes nothing anyone sees: the record is enough.
      if (message.role === "customer" && isAnswered(current, postedAt)) return { kind: "recorded", caseId: current.id, state };
      if (message.role === "customer") await notifyOfCustomerMessage(tx, deps, current, message);
      // The triage announcement shows the state and the first-response due time: refresh it when either moved.
      const triage = deps.triageChannel && current.triageTs && (after.state !== state || (message.role === "engineer" && !current.firstResponseAt));
      await enqueueMany(tx, [
        { channelId: message.channelId, caseId: current.id, payload: { kind: "case.refresh", caseId: current.id } },
        ...(triage && deps.triageChannel ? [{ channelId: deps.triageChannel, caseId: current.id, payload: { kind: "triage.refresh" as const, caseId: current.id } }] : []),
      ], { at: now });
      return { kind: "recorded", caseId: current.id, state: after.state };
    });
    if (!result) return { kind: "not_a_case" };
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
  return editThreadMessage(deps.db.client, edit, edit.deleted ? { deleted: true } : { deleted: false, text: edit.text }, now);
}

/** The customer wrote: the engineer who has the case is told; nobody has it yet, the triage thread is. */
async function notifyOfCustomerMessage(tx: Tx, deps: ServiceDeps, current: CaseRow, message: ThreadMessage): Promise<void> {
  const customer = current.assigneeId ? null : await customerName(tx, current.customerId);
  await notifyPerson(tx, deps, {
    userId: current.assigneeId, kind: "customer_message", caseId: current.id, data: { excerpt: message.text.slice(0, 300) },
    dedupeKey: `customer-message:${message.channelId}:${message.ts}`, at: deps.clock.now(),
  }, { case: current, notice: { notice: "alert.customer_wrote", params: { customer: customer ?? "" } } });
}

/** A customer message written no later than the engineer's last answer was seen by it (a tie counts as seen). */
function isAnswered(current: CaseRow, customerAt: Date): boolean {
  return current.lastEngineerMessageAt !== null && customerAt <= current.lastEngineerMessageAt;
}

function customerUpdate(deps: ServiceDeps, current: CaseRow, to: CaseState, postedAt: Date): CaseColumns {
  const latest = !current.lastCustomerMessageAt || postedAt > current.lastCustomerMessageAt;
  const seen = latest ? { lastCustomerMessageAt: postedAt } : {};
  if (isAnswered(current, postedAt)) return seen;
  // The queue and the delay notice run from the oldest question still unanswered (R-LIFE-5, R-LIFE-6), which a
  // late delivery can move earlier; once the notice has gone out (timer cleared) it is not sent again.
  const older = !current.oldestUnansweredAt || postedAt < current.oldestUnansweredAt;
  return {
    ...seen,
    state: to,
    ...(older ? { oldestUnansweredAt: postedAt } : {}),
    ...(!current.oldestUnansweredAt || (older && current.delayNoticeAt) ? { delayNoticeAt: delayNoticeAt(postedAt, deps.calendar) } : {}),
    autoCloseRemindAt: null, autoCloseAt: null,
  };
}

async function engineerUpdate(tx: Tx, deps: ServiceDeps, current: CaseRow, to: CaseState, postedAt: Date, userId: string): Promise<CaseColumns> {
  const latest = !current.lastEngineerMessageAt || postedAt > current.lastEngineerMessageAt;
  const answersAll = !current.lastCustomerMessageAt || postedAt >= current.lastCustomerMessageAt;
  const base: CaseColumns = {
    firstResponseAt: current.firstResponseAt && current.firstResponseAt < postedAt ? current.firstResponseAt : postedAt,
    // The engineer who answers an unassigned case is the one handling it.
    ...(current.assigneeId ? {} : { assigneeId: userId }),
    firstResponseRemindAt: null, firstResponseDueAt: null,
    ...(latest ? { lastEngineerMessageAt: postedAt } : {}),
  };
  if (answersAll) {
    // An older answer arriving late on an answered case leaves its clock alone: re-arming it would repeat a
    // reminder already sent.
    if (!latest && current.state === "answered") return base;
    const lastAnswer = latest ? postedAt : current.lastEngineerMessageAt ?? postedAt;
    return { ...base, state: to, oldestUnansweredAt: null, delayNoticeAt: null, ...autoCloseTimers(lastAnswer, deps.calendar) };
  }
  // Written before the customer's latest message: the case still waits on T4U (taken, if it was only received),
  // but for questions asked after this answer only, so the queue position moves to the oldest of those.
  const taken = transition(current.state, "take");
  if (!(taken instanceof RefusedTransition)) base.state = taken.to;
  if (!current.oldestUnansweredAt || current.oldestUnansweredAt > postedAt) return base;
  const next = await nextCustomerMessageAfter(tx, current.id, postedAt);
  if (!next) return base;
  return { ...base, oldestUnansweredAt: next.postedAt, ...(current.delayNoticeAt ? { delayNoticeAt: delayNoticeAt(next.postedAt, deps.calendar) } : {}) };
}
