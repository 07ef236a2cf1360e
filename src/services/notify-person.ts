// Tells one T4U person about their own case by direct message (assigned to you, the customer wrote, …), written in
// the transaction of the change it reports. The message itself goes through the outbox: one outbox message per
// person stands for every notification waiting for them, so a burst becomes one direct message and replicas send
// it once. A case nobody has yet is told to the triage channel instead, where any engineer sees it.
import type { Tx } from "../db/client.ts";
import { batchQueued, mutedTopics, recordNotification } from "../db/notifications.ts";
import { enqueue } from "../db/outbox.ts";
import { topicOf, type NotificationKind } from "../domain/notification.ts";
import type { ServiceDeps } from "./deps.ts";
import { alertEngineers } from "./engineer-alert.ts";
import type { CaseNotice } from "./notices.ts";

export const NOTIFICATIONS_OUTBOX_KIND = "person.notifications" as const;

export interface Notification {
  /** Who is told: the case's assignee, the proposal's author. Null: nobody has the case yet. */
  userId: string | null;
  kind: NotificationKind;
  caseId: number;
  data?: Record<string, string | number>;
  /** Once per key, however often the cause is seen. */
  dedupeKey: string;
  at: Date;
  /** Who caused it: nobody is told of what they did themselves. */
  actorId?: string;
}

/** Where an unassigned case's news goes instead: the case's triage thread. Absent, only the assignee is told. */
export interface TriageFallback {
  case: { id: number; triageTs: string | null };
  notice: CaseNotice;
}

export type NotifyOutcome = "queued" | "muted" | "own action" | "duplicate" | "triage" | "nobody";

export async function notifyPerson(tx: Tx, deps: Pick<ServiceDeps, "triageChannel">, n: Notification, fallback?: TriageFallback): Promise<NotifyOutcome> {
  if (!n.userId) {
    if (!fallback) return "nobody";
    await alertEngineers(tx, deps, fallback.case, fallback.notice, { at: n.at, dedupeKey: `triage:${n.dedupeKey}` });
    return "triage";
  }
  if (n.actorId === n.userId) return "own action";
  if ((await mutedTopics(tx, n.userId)).has(topicOf(n.kind))) return "muted";
  const written = await recordNotification(tx, { userId: n.userId, kind: n.kind, caseId: n.caseId, data: n.data ?? null, dedupeKey: n.dedupeKey, at: n.at });
  if (!written) return "duplicate";
  // The outbox's channel is the person: their messages go out one after another, paced like any channel's.
  if (!(await batchQueued(tx, n.userId, NOTIFICATIONS_OUTBOX_KIND))) {
    // No case of its own: the message speaks of every case with news for the person.
    await enqueue(tx, n.userId, { kind: NOTIFICATIONS_OUTBOX_KIND, userId: n.userId }, { at: n.at });
  }
  return "queued";
}
