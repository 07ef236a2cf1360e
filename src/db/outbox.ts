// What must reach Slack is written here in the same transaction as the state change it reports, and delivered
// afterwards by the dispatcher. A failing or slow Slack can delay a message, never lose or duplicate it.
import type { Database, Tx } from "./client.ts";
import type { OutboxPayload } from "../services/outbox-payload.ts";

export async function enqueue(
  tx: Tx,
  channelId: string,
  payload: OutboxPayload,
  options: { at: Date; caseId?: number; dedupeKey?: string; availableAt?: Date },
): Promise<void> {
  if (options.dedupeKey) {
    const existing = await tx.outboxMessage.findUnique({ where: { dedupeKey: options.dedupeKey }, select: { id: true } });
    if (existing) return;
  }
  await tx.outboxMessage.create({
    data: {
      channelId,
      caseId: options.caseId ?? null,
      kind: payload.kind,
      payload: JSON.stringify(payload),
      dedupeKey: options.dedupeKey ?? null,
      createdAt: options.at,
      availableAt: options.availableAt ?? options.at,
    },
  });
}

export interface OutboxRow { id: number; channelId: string; caseId: number | null; payload: OutboxPayload; attempts: number }

export const DEFAULT_LEASE_MS = 60_000;

/**
 * Claims the oldest undelivered message of each channel that is due, up to `limit` channels. Only a channel's
 * head is taken, so messages of one channel go out in the order they were written, even across replicas: a
 * claim is a conditional update that only one process can win.
 */
export async function claimHeads(db: Database, now: Date, limit: number, skipChannels: ReadonlySet<string>, leaseMs = DEFAULT_LEASE_MS): Promise<OutboxRow[]> {
  const pending = await db.client.outboxMessage.findMany({
    where: { deliveredAt: null, failedAt: null },
    orderBy: { id: "asc" },
    select: { id: true, channelId: true },
    take: 500,
  });
  const heads = new Map<string, number>();
  for (const row of pending) if (!heads.has(row.channelId)) heads.set(row.channelId, row.id);
  const won: number[] = [];
  for (const [channelId, id] of heads) {
    if (won.length >= limit) break;
    if (skipChannels.has(channelId)) continue;
    const { count } = await db.client.outboxMessage.updateMany({
      where: { id, deliveredAt: null, availableAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
    });
    if (count === 1) won.push(id);
  }
  if (won.length === 0) return [];
  // The claimed rows are read back together: one query per round rather than one per message.
  const rows = await db.client.outboxMessage.findMany({ where: { id: { in: won } }, orderBy: { id: "asc" } });
  return rows.map((row) => ({ id: row.id, channelId: row.channelId, caseId: row.caseId, payload: JSON.parse(row.payload) as OutboxPayload, attempts: row.attempts }));
}

export async function markDelivered(db: Database, id: number, at: Date): Promise<void> {
  await db.client.outboxMessage.update({ where: { id }, data: { deliveredAt: at, lockedUntil: null, lastError: null } });
}

export async function markRetry(db: Database, id: number, error: string, retryAt: Date): Promise<void> {
  await db.client.outboxMessage.update({ where: { id }, data: { lockedUntil: null, availableAt: retryAt, lastError: error.slice(0, 500) } });
}

/** A message Slack will never accept (e.g. the channel is gone) is set aside so the channel's queue moves on. */
export async function markFailed(db: Database, id: number, error: string, at: Date): Promise<void> {
  await db.client.outboxMessage.update({ where: { id }, data: { failedAt: at, lockedUntil: null, lastError: error.slice(0, 500) } });
}

export function backlog(db: Database): Promise<number> {
  return db.client.outboxMessage.count({ where: { deliveredAt: null, failedAt: null } });
}
