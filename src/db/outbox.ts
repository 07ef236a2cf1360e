// What must reach Slack is written here in the same transaction as the state change it reports, and delivered
// afterwards by the dispatcher. A failing or slow Slack can delay a message, never lose or duplicate it.
import { Prisma, type Database, type Tx } from "./client.ts";
import type { OutboxPayload } from "../services/outbox-payload.ts";
import { labelOf, readPayload, storedKind } from "./outbox-kinds.ts";

export async function enqueue(
  tx: Tx,
  channelId: string,
  payload: OutboxPayload,
  options: { at: Date; caseId?: number; dedupeKey?: string; availableAt?: Date },
): Promise<void> {
  const data = {
    channelId,
    caseId: options.caseId ?? null,
    kind: storedKind(payload.kind),
    payload,
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
  // Raw SQL sees the stored labels, which are the payloads' own kinds; the JSON goes as text, which PostgreSQL
  // reads into its jsonb column and SQLite keeps as it is.
  await tx.$executeRaw`INSERT INTO "OutboxMessage" ("channelId", "caseId", "kind", "payload", "dedupeKey", "createdAt", "availableAt")
    VALUES (${data.channelId}, ${data.caseId}, ${payload.kind}, ${JSON.stringify(payload)}, ${key}, ${data.createdAt}, ${data.availableAt})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/**
 * Several messages a change writes at once, in order (their ids follow the order given): one insert for all of
 * them. Messages with a once-only key go through `enqueue`, one by one.
 *
 * Raw SQL, because it is on the path of every case: the ORM never keeps the plan of a createMany (it compiles one
 * for each call), which made this insert cost about 0.9 ms of CPU against 0.2 ms as the same statement in raw SQL
 * (measured in one transaction on SQLite). The columns and values are the ORM's own: the stored kind is the
 * payload's kind, and the JSON goes as text, as in `enqueue` above.
 */
export async function enqueueMany(
  tx: Tx,
  messages: ReadonlyArray<{ channelId: string; payload: OutboxPayload; caseId?: number; availableAt?: Date }>,
  options: { at: Date },
): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map((m) => Prisma.sql`(${m.channelId}, ${m.caseId ?? null}, ${m.payload.kind}, ${JSON.stringify(m.payload)}, ${options.at}, ${m.availableAt ?? options.at})`);
  await tx.$executeRaw`INSERT INTO "OutboxMessage" ("channelId", "caseId", "kind", "payload", "createdAt", "availableAt")
    VALUES ${Prisma.join(rows)}`;
}

export interface OutboxRow { id: number; channelId: string; caseId: number | null; kind: OutboxPayload["kind"]; payload: OutboxPayload; attempts: number }

/**
 * How long a claimed message stays reserved. Each replica compares a claim's expiry with its own clock, so a
 * claim looks this much shorter to a replica whose clock runs ahead: it must outlast the Slack call's timeout
 * (10 s) plus the largest disagreement between replicas' clocks (up to a minute between ±30 s clocks).
 */
export const DEFAULT_LEASE_MS = 120_000;

/**
 * Claims the head of each channel — its oldest message neither delivered nor set aside — when it is due, up to
 * `channels` channels, and with `perChannel` above one the messages right behind it too, as long as each of them
 * is due as well. Only a channel's head and the messages after it in order are taken, so messages of one channel
 * go out in the order they were written, even across replicas: the claim is one conditional update that only one
 * process can win for a row, and a row behind one that is locked, held or not due is never taken. Every channel
 * has its head looked at, however long another channel's backlog, so one channel's failures or pacing never hold
 * up another's. A held head (see markHeld) holds back its channel until it is released.
 *
 * Due: never tried yet, or its retry time has come. A message's first attempt never waits for its write time: a
 * pass of the command line run as of a later time, or a replica whose clock runs ahead, writes messages dated ahead
 * of this clock, and they go out now rather than blocking their channel until then. Only retries wait.
 *
 * One statement claims and returns the whole round (window functions and UPDATE … RETURNING, on both databases):
 * the outbox's busiest query, it replaces a head count, a read and one update per message, and a read back.
 */
export async function claimRound(
  db: Database, now: Date,
  options: { channels: number; perChannel: number; skipChannels?: ReadonlySet<string>; leaseMs?: number },
): Promise<OutboxRow[]> {
  const lockedUntil = new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS));
  const skip = [...(options.skipChannels ?? [])];
  const due = Prisma.sql`"heldAt" IS NULL AND ("attempts" = 0 OR "availableAt" <= ${now}) AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})`;
  type Claimed = { id: number | bigint; channelId: string; caseId: number | bigint | null; payload: unknown; attempts: number | bigint; ahead: number | bigint };
  const claimed = await db.client.$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${lockedUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM (
        SELECT "id", DENSE_RANK() OVER (ORDER BY "head") AS "channelRank"
        FROM (
          SELECT "id", "channelId",
            MIN("id") OVER (PARTITION BY "channelId") AS "head",
            ROW_NUMBER() OVER (PARTITION BY "channelId" ORDER BY "id") AS "position",
            SUM(CASE WHEN ${due} THEN 0 ELSE 1 END) OVER (PARTITION BY "channelId" ORDER BY "id" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "blocked"
          FROM "OutboxMessage"
          WHERE "deliveredAt" IS NULL AND "failedAt" IS NULL
        ) "queue"
        WHERE "position" <= ${options.perChannel} AND "blocked" = 0
          ${skip.length ? Prisma.sql`AND "channelId" NOT IN (${Prisma.join(skip)})` : Prisma.empty}
      ) "ranked"
      WHERE "channelRank" <= ${options.channels}
    )
    AND "deliveredAt" IS NULL AND "failedAt" IS NULL AND ${due}
    RETURNING "id", "channelId", "caseId", "payload", "attempts",
      (SELECT COUNT(*) FROM "OutboxMessage" "earlier" WHERE "earlier"."channelId" = "OutboxMessage"."channelId"
        AND "earlier"."id" < "OutboxMessage"."id" AND "earlier"."deliveredAt" IS NULL AND "earlier"."failedAt" IS NULL) AS "ahead"`;
  // On PostgreSQL two replicas' claims can overlap: one that lost a channel's first messages to the other may still
  // have won one behind them. A channel's claim is kept only as far as it runs from the channel's head without a
  // gap (as many messages ahead of each as claimed before it); the rest is given back untried.
  const kept: Claimed[] = [];
  const strays: number[] = [];
  const taken = new Map<string, number>();
  for (const row of [...claimed].sort((a, b) => Number(a.id) - Number(b.id))) {
    const before = taken.get(row.channelId) ?? 0;
    if (Number(row.ahead) === before) {
      kept.push(row);
      taken.set(row.channelId, before + 1);
    } else {
      strays.push(Number(row.id));
      taken.set(row.channelId, Number.NaN);
    }
  }
  await releaseClaims(db, strays);
  const rows: OutboxRow[] = [];
  for (const row of kept) {
    const payload = readPayload(row.payload);
    // A row the app could not have written (edited by hand) is set aside with why, not retried for ever.
    if (payload instanceof Error) await markFailed(db, Number(row.id), payload.message, now);
    else rows.push({ id: Number(row.id), channelId: row.channelId, caseId: row.caseId === null ? null : Number(row.caseId), kind: payload.kind, payload, attempts: Number(row.attempts) });
  }
  return rows.sort((a, b) => a.id - b.id);
}

/** Every message of a round that reached Slack, marked at once. */
export async function markDelivered(db: Database, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  // Raw SQL, as the claim: every round ends here.
  await db.client.$executeRaw`UPDATE "OutboxMessage" SET "deliveredAt" = ${at}, "lockedUntil" = NULL, "lastError" = NULL WHERE "id" IN (${Prisma.join([...ids])})`;
}

/**
 * Claimed messages a round did not try (one ahead of them in their channel failed): free again at once, and their
 * claim not counted as an attempt, so the next one is not mistaken for a retry of a post that may have reached Slack.
 */
export async function releaseClaims(db: Database, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.client.outboxMessage.updateMany({ where: { id: { in: [...ids] }, deliveredAt: null }, data: { lockedUntil: null, attempts: { decrement: 1 } } });
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

/** Messages Slack refused for good, kept for a person to look at. */
export function failedCount(db: Database): Promise<number> {
  return db.client.outboxMessage.count({ where: { failedAt: { not: null } } });
}

/** Held messages by Slack's error, across channels. */
export async function heldCountsByCause(db: Database): Promise<Array<{ cause: string | null; count: number }>> {
  const rows = await db.client.outboxMessage.groupBy({ by: ["heldCause"], where: { heldCause: { not: null }, deliveredAt: null }, _count: { _all: true } });
  return rows.map((r) => ({ cause: r.heldCause, count: r._count._all }));
}

/** The channel a case's triage announcement was written for; null when the case was never announced. */
export async function triageChannelOfCase(db: Database, caseId: number): Promise<string | null> {
  const announced = await db.client.outboxMessage.findFirst({ where: { caseId, kind: storedKind("triage.root") }, select: { channelId: true } });
  return announced?.channelId ?? null;
}

/** Root messages of cases waiting in these channels (not held themselves: they wait behind a held head). */
export function waitingCaseRoots(db: Database, channelIds: readonly string[]): Promise<Array<{ caseId: number | null; channelId: string }>> {
  return db.client.outboxMessage.findMany({
    where: { channelId: { in: [...channelIds] }, kind: storedKind("case.root"), deliveredAt: null, failedAt: null, heldAt: null },
    select: { caseId: true, channelId: true },
  });
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
export async function listUndelivered(db: Database, filter: { state: "held" | "failed" | "pending"; channelId?: string; limit: number }): Promise<OutboxListing[]> {
  const state = filter.state === "held" ? { heldAt: { not: null }, failedAt: null }
    : filter.state === "failed" ? { failedAt: { not: null } }
    : { failedAt: null };
  const rows = await db.client.outboxMessage.findMany({
    where: { deliveredAt: null, ...state, ...(filter.channelId ? { channelId: filter.channelId } : {}) },
    orderBy: { id: "asc" }, take: filter.limit,
    select: { id: true, channelId: true, caseId: true, kind: true, createdAt: true, attempts: true, heldAt: true, heldCause: true, failedAt: true, lastError: true },
  });
  return rows.map((r) => ({ ...r, kind: labelOf(r.kind) }));
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
