// Personal notifications and the switches people set for them. A notification is written in the same transaction
// as the change it reports, with a dedupe key, so it exists once however often its cause is seen; it is marked
// sent once its direct message went out, so a message lost on the way is sent again rather than forgotten.
import { Prisma, type Database, type Db, type Tx } from "./client.ts";
import type { NotificationKind, NotificationTopic } from "../domain/notification.ts";
import { storedKind } from "./outbox-kinds.ts";
import type { OutboxPayload } from "../services/outbox-payload.ts";

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  caseId: number | null;
  data: Record<string, string | number> | null;
  dedupeKey: string;
  at: Date;
}

/** Writes the notification unless one with its key exists; true when written. */
export async function recordNotification(tx: Tx, n: NewNotification): Promise<boolean> {
  const existing = await tx.personalNotification.findUnique({ where: { dedupeKey: n.dedupeKey }, select: { id: true } });
  if (existing) return false;
  await tx.personalNotification.create({
    data: { userId: n.userId, kind: n.kind, caseId: n.caseId, data: n.data ?? Prisma.DbNull, dedupeKey: n.dedupeKey, createdAt: n.at },
  });
  return true;
}

export interface WaitingNotification {
  id: number;
  kind: NotificationKind;
  caseId: number | null;
  data: Record<string, string | number>;
  createdAt: Date;
}

/** A person's notifications not yet sent, oldest first. */
export async function waitingNotifications(client: Db, userId: string, limit = 40): Promise<WaitingNotification[]> {
  const rows = await client.personalNotification.findMany({
    where: { userId, sentAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit,
    select: { id: true, kind: true, caseId: true, data: true, createdAt: true },
  });
  return rows.map((row) => ({ id: row.id, kind: row.kind, caseId: row.caseId, createdAt: row.createdAt, data: fieldsOf(row.data) }));
}

export async function markNotificationsSent(db: Database, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.client.personalNotification.updateMany({ where: { id: { in: [...ids] }, sentAt: null }, data: { sentAt: at } });
}

/** The topics a person turned off. */
export async function mutedTopics(client: Db | Tx, userId: string): Promise<Set<NotificationTopic>> {
  const rows = await client.notificationPreference.findMany({ where: { userId, enabled: false }, select: { kind: true } });
  return new Set(rows.map((r) => r.kind));
}

export async function setTopicEnabled(db: Database, userId: string, topic: NotificationTopic, enabled: boolean, at: Date): Promise<void> {
  await db.client.notificationPreference.upsert({
    where: { userId_kind: { userId, kind: topic } },
    create: { userId, kind: topic, enabled, updatedAt: at },
    update: { enabled, updatedAt: at },
  });
}

/**
 * Whether a direct message of the person's notifications is queued and not being sent right now (a sender holds
 * its lease while it sends): such a message reads every notification waiting when it goes, this one included.
 */
export async function batchQueued(tx: Tx, userId: string, outboxKind: OutboxPayload["kind"]): Promise<boolean> {
  const queued = await tx.outboxMessage.findFirst({ where: { channelId: userId, kind: storedKind(outboxKind), deliveredAt: null, failedAt: null, lockedUntil: null }, select: { id: true } });
  return queued !== null;
}

/** Which of these dedupe keys a notification was already written with. */
export async function notifiedKeys(client: Db | Tx, keys: readonly string[]): Promise<Set<string>> {
  const rows = await client.personalNotification.findMany({ where: { dedupeKey: { in: [...keys] } }, select: { dedupeKey: true } });
  return new Set(rows.map((n) => n.dedupeKey));
}

/** A notification's data as written: its string and number fields (anything else the app never wrote). */
function fieldsOf(data: Prisma.JsonValue): Record<string, string | number> {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return {};
  const fields: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) if (typeof value === "string" || typeof value === "number") fields[key] = value;
  return fields;
}
