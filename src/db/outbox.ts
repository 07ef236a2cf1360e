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

export interface OutboxRow { id: number; channelId: string; caseId: number | null; kind: string; payload: OutboxPayload; attempts: number }

export const DEFAULT_LEASE_MS = 60_000;

/**
 * Claims the head of each channel — its oldest message neither delivered nor set aside — when it is due, up to
 * `limit` channels. Only a channel's head is taken, so messages of one channel go out in the order they were
 * written, even across replicas (a claim is a conditional update only one process can win); and every channel has
 * its head looked at, however long another channel's backlog, so one channel's failures or pacing never hold up
 * another's. A held head (see markHeld) holds back its channel until it is released.
 *
 * Due: never tried yet, or its retry time has come. A message's first attempt never waits for its write time: a
 * pass of the command line run as of a later time, or a replica whose clock runs ahead, writes messages dated ahead
 * of this clock, and they go out now rather than blocking their channel until then. Only retries wait.
 */
export async function claimHeads(db: Database, now: Date, limit: number, skipChannels: ReadonlySet<string>, leaseMs = DEFAULT_LEASE_MS): Promise<OutboxRow[]> {
  const heads = await db.client.outboxMessage.groupBy({ by: ["channelId"], where: { deliveredAt: null, failedAt: null }, _min: { id: true } });
  const headIds = heads.flatMap((h) => (h._min.id !== null && !skipChannels.has(h.channelId) ? [h._min.id] : []));
  if (headIds.length === 0) return [];
  const due = { heldAt: null, OR: [{ attempts: 0 }, { availableAt: { lte: now } }], AND: [{ OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] }] };
  const candidates = await db.client.outboxMessage.findMany({ where: { id: { in: headIds }, ...due }, orderBy: { id: "asc" }, select: { id: true }, take: limit });
  const won: number[] = [];
  for (const { id } of candidates) {
    const { count } = await db.client.outboxMessage.updateMany({
      where: { id, deliveredAt: null, failedAt: null, ...due },
      data: { lockedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
    });
    if (count === 1) won.push(id);
  }
  if (won.length === 0) return [];
  // The claimed rows are read back together: one query per round rather than one per message.
  const rows = await db.client.outboxMessage.findMany({ where: { id: { in: won } }, orderBy: { id: "asc" } });
  return rows.map((row) => ({ id: row.id, channelId: row.channelId, caseId: row.caseId, kind: row.kind, payload: JSON.parse(row.payload) as OutboxPayload, attempts: row.attempts }));
}

export async function markDelivered(db: Database, id: number, at: Date): Promise<void> {
  await db.client.outboxMessage.update({ where: { id }, data: { deliveredAt: at, lockedUntil: null, lastError: null } });
}

export async function markRetry(db: Database, id: number, error: string, retryAt: Date): Promise<void> {
  await db.client.outboxMessage.update({ where: { id }, data: { lockedUntil: null, availableAt: retryAt, lastError: error.slice(0, 500) } });
}

/** A message Slack will never accept (e.g. its blocks are invalid) is set aside so the channel's queue moves on. */
export async function markFailed(db: Database | Tx, id: number, error: string, at: Date): Promise<void> {
  const client = "client" in db ? db.client : db;
  await client.outboxMessage.update({ where: { id }, data: { failedAt: at, lockedUntil: null, lastError: error.slice(0, 500) } });
}

export function backlog(db: Database): Promise<number> {
  return db.client.outboxMessage.count({ where: { deliveredAt: null, failedAt: null } });
}

/**
 * Keeps a message Slack refused for a cause that can go away (the app out of the channel, its token refused): it
 * is not tried again, and as its channel's head it holds back the channel's later messages, until released.
 */
export async function markHeld(tx: Tx, id: number, cause: string, at: Date): Promise<void> {
  await tx.outboxMessage.update({ where: { id }, data: { heldAt: at, heldCause: cause, lockedUntil: null, lastError: cause } });
}

/** Held messages by cause, and the channels they hold back. */
export async function heldCauses(db: Database): Promise<Array<{ cause: string; channelId: string; count: number }>> {
  const rows = await db.client.outboxMessage.groupBy({ by: ["heldCause", "channelId"], where: { heldCause: { not: null }, deliveredAt: null }, _count: { _all: true } });
  return rows.map((r) => ({ cause: r.heldCause ?? "", channelId: r.channelId, count: r._count._all }));
}

export interface ReleaseFilter { id?: number; channelId?: string; causes?: readonly string[] }

/**
 * A released message is due on every clock, however far behind the clock of the process that sends it (the
 * command line releasing it may run on a machine ahead of the app's).
 */
const DUE_EVERYWHERE = new Date(0);

/** Sends held messages again (at once); with `id`, also a message that was set aside. Returns how many. */
export async function releaseHeld(db: Database, filter: ReleaseFilter): Promise<number> {
  const scope = {
    deliveredAt: null,
    ...(filter.id !== undefined ? { id: filter.id } : {}),
    ...(filter.channelId !== undefined ? { channelId: filter.channelId } : {}),
  };
  // Attempts are kept: one that may have reached Slack unanswered still makes the next delivery look first.
  const held = await db.client.outboxMessage.updateMany({
    where: { ...scope, heldAt: { not: null }, ...(filter.causes ? { heldCause: { in: [...filter.causes] } } : {}) },
    data: { heldAt: null, heldCause: null, lockedUntil: null, availableAt: DUE_EVERYWHERE },
  });
  if (filter.id === undefined) return held.count;
  // One message set aside is tried again on request; one whose thread's root never came gets its tries afresh.
  const setAside = await db.client.outboxMessage.updateMany({
    where: { ...scope, failedAt: { not: null } },
    data: { failedAt: null, lockedUntil: null, availableAt: DUE_EVERYWHERE, attempts: 1 },
  });
  return held.count + setAside.count;
}

export interface OutboxListing {
  id: number; channelId: string; caseId: number | null; kind: string; createdAt: Date; attempts: number;
  heldAt: Date | null; heldCause: string | null; failedAt: Date | null; lastError: string | null;
}

/** Messages not delivered: held ones, set-aside ones, or every one waiting; oldest first. */
export function listUndelivered(db: Database, filter: { state: "held" | "failed" | "pending"; channelId?: string; limit: number }): Promise<OutboxListing[]> {
  const state = filter.state === "held" ? { heldAt: { not: null }, failedAt: null }
    : filter.state === "failed" ? { failedAt: { not: null } }
    : { failedAt: null };
  return db.client.outboxMessage.findMany({
    where: { deliveredAt: null, ...state, ...(filter.channelId ? { channelId: filter.channelId } : {}) },
    orderBy: { id: "asc" }, take: filter.limit,
    select: { id: true, channelId: true, caseId: true, kind: true, createdAt: true, attempts: true, heldAt: true, heldCause: true, failedAt: true, lastError: true },
  });
}
