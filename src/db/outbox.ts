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
  const data = {
    channelId,
    caseId: options.caseId ?? null,
    kind: payload.kind,
    payload: JSON.stringify(payload),
    createdAt: options.at,
    availableAt: options.availableAt ?? options.at,
  };
  if (!options.dedupeKey) {
    await tx.outboxMessage.create({ data: { ...data, dedupeKey: null } });
    return;
  }
  const key = options.dedupeKey;
  // Sent long ago and purged since: still sent, so not written again.
  if (await tx.purgedOutboxKey.findUnique({ where: { dedupeKey: key }, select: { dedupeKey: true } })) return;
  // Two replicas may write the same message at the same moment (a case's root and its triage announcement each
  // asking for the same refresh): the second insert does nothing, rather than failing its whole transaction.
  await tx.$executeRaw`INSERT INTO "OutboxMessage" ("channelId", "caseId", "kind", "payload", "dedupeKey", "createdAt", "availableAt")
    VALUES (${data.channelId}, ${data.caseId}, ${data.kind}, ${data.payload}, ${key}, ${data.createdAt}, ${data.availableAt})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

export interface OutboxRow { id: number; channelId: string; caseId: number | null; kind: string; payload: OutboxPayload; attempts: number }

/**
 * How long a claimed message stays reserved. Each replica compares a claim's expiry with its own clock, so a
 * claim looks this much shorter to a replica whose clock runs ahead: it must outlast the Slack call's timeout
 * (10 s) plus the largest disagreement between replicas' clocks (up to a minute between ±30 s clocks).
 */
export const DEFAULT_LEASE_MS = 120_000;

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

/** Delivered messages written before `before` would be purged now; the undelivered ones are always kept. */
export async function purgeableCounts(db: Database, before: Date): Promise<{ delivered: number; kept: { waiting: number; held: number; setAside: number } }> {
  const [delivered, waiting, held, setAside] = await Promise.all([
    db.client.outboxMessage.count({ where: purgeable(before) }),
    db.client.outboxMessage.count({ where: { deliveredAt: null, failedAt: null, heldAt: null } }),
    db.client.outboxMessage.count({ where: { deliveredAt: null, heldAt: { not: null } } }),
    db.client.outboxMessage.count({ where: { deliveredAt: null, failedAt: { not: null } } }),
  ]);
  return { delivered, kept: { waiting, held, setAside } };
}

const PURGE_BATCH = 500;

/**
 * Deletes messages delivered and written before `before`, in short transactions of a few hundred so that the running
 * app is never held up. Their once-only keys are kept (PurgedOutboxKey), so nothing sent is ever written again; what
 * else a delivered message carried lives in its own table (offers, cases' message ts). Returns how many went.
 */
export async function purgeDelivered(db: Database, before: Date, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const rows = await tx.outboxMessage.findMany({ where: purgeable(before), orderBy: { id: "asc" }, take: PURGE_BATCH, select: { id: true, dedupeKey: true } });
      if (rows.length === 0) return 0;
      const keys = rows.flatMap((r) => (r.dedupeKey === null ? [] : [{ dedupeKey: r.dedupeKey, purgedAt: now }]));
      if (keys.length) await tx.purgedOutboxKey.createMany({ data: keys });
      const deleted = await tx.outboxMessage.deleteMany({ where: { id: { in: rows.map((r) => r.id) }, ...purgeable(before) } });
      return deleted.count;
    });
    total += count;
    if (count < PURGE_BATCH) return total;
  }
}

function purgeable(before: Date) {
  return { deliveredAt: { not: null, lt: before }, createdAt: { lt: before }, heldAt: null, failedAt: null };
}
