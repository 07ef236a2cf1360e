// Slack's events kept before they are acknowledged (see src/services/inbound-events.ts): the only module that
// queries InboundEvent. Each write is one statement outside any transaction, so that taking an event costs one
// insert and nothing waits for a transaction's turn.
import { Prisma, type Database } from "./client.ts";

export interface StoredEvent { id: number; eventId: string; body: string; attempts: number; availableAt: Date }

/** The kinds of event kept (see KEPT in src/slack/event-inbox.ts). */
export type KeptKind = "message" | "member_joined_channel";

export type Taken = { kind: "new"; id: number } | { kind: "seen"; done: boolean };

// Due since the epoch rather than since now: a worker whose clock runs a little behind the receiving process's
// still takes the event at once (the claim is by id, oldest first, so this changes no order).
const DUE_ALWAYS = new Date(0);

export interface NewEvent { eventId: string; kind: KeptKind; body: string; at: Date; leaseUntil: Date | null }

interface Waiting { input: NewEvent; resolve: (taken: Taken) => void; reject: (error: unknown) => void }

/** Events waiting for the next insert, per database; one statement takes them all. */
const gathering = new WeakMap<Database, Waiting[]>();
/** Rows one insert takes at most: six parameters each, well inside either database's limit on parameters. */
const BATCH_ROWS = 500;

/**
 * Stores an event as it arrived, leased to the one handling it now (`leaseUntil`), or, with none, due at once for
 * whichever process claims it first; an id already here is only reported.
 *
 * Events that arrive in the same turn of the event loop are stored by one insert: a burst of 32 messages then
 * costs one commit (one sync of SQLite's log, one round trip to PostgreSQL) instead of 32 in a row, each of which
 * every later answer in the burst waited for. Alone, an event waits only for the turn the statement waits for anyway.
 */
export function takeEvent(db: Database, input: NewEvent): Promise<Taken> {
  return new Promise<Taken>((resolve, reject) => {
    const waiting = gathering.get(db);
    if (waiting && waiting.length < BATCH_ROWS) {
      waiting.push({ input, resolve, reject });
      return;
    }
    const batch: Waiting[] = [{ input, resolve, reject }];
    gathering.set(db, batch);
    setImmediate(() => {
      if (gathering.get(db) === batch) gathering.delete(db);
      void insertAll(db, batch);
    });
  });
}

async function insertAll(db: Database, batch: Waiting[]): Promise<void> {
  // One event delivered twice in the same turn (Slack's retry racing its first delivery) is inserted once; the
  // later one is reported as seen, so that only one of them is handled.
  const byId = new Map<string, Waiting[]>();
  for (const waiting of batch) byId.set(waiting.input.eventId, [...(byId.get(waiting.input.eventId) ?? []), waiting]);
  try {
    const inserted = await insertEvents(db, [...byId.values()].map((group) => group[0]!.input));
    for (const [eventId, group] of byId) {
      const id = inserted.get(eventId);
      const [first, ...later] = group;
      if (id !== undefined) {
        first!.resolve({ kind: "new", id });
        for (const w of later) w.resolve({ kind: "seen", done: false });
      } else {
        const seen = await seenEvent(db, eventId);
        for (const w of group) w.resolve(seen);
      }
    }
  } catch (error) {
    for (const w of batch) w.reject(error);
  }
}

async function insertEvents(db: Database, events: NewEvent[]): Promise<Map<string, number>> {
  // Raw SQL, because the answer to Slack waits for this insert: measured on a SQLite file, the ORM's create took
  // 0.83 ms of CPU and one row of this 0.54 ms (the commit's own sync is in both). A second delivery of the same
  // event inserts nothing rather than failing, so no error is raised and caught on Slack's retries either. The
  // parameters need no casts: PostgreSQL types the rows of an INSERT's VALUES by their columns, the enum included.
  const rows = events.map((e) => Prisma.sql`(${e.eventId}, ${e.kind}, ${e.body}, ${e.at}, ${e.leaseUntil ?? DUE_ALWAYS}, ${e.leaseUntil ? 1 : 0})`);
  const returned = await db.client.$queryRaw<Array<{ id: number | bigint; eventId: string }>>`
    INSERT INTO "InboundEvent" ("eventId", "kind", "body", "receivedAt", "availableAt", "attempts")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("eventId") DO NOTHING
    RETURNING "id", "eventId"`;
  return new Map(returned.map((r) => [r.eventId, Number(r.id)]));
}

async function seenEvent(db: Database, eventId: string): Promise<Taken> {
  const seen = await db.client.inboundEvent.findUnique({ where: { eventId }, select: { doneAt: true, failedAt: true } });
  return { kind: "seen", done: seen !== null && (seen.doneAt !== null || seen.failedAt !== null) };
}

export async function markHandled(db: Database, id: number, at: Date): Promise<void> {
  // Raw SQL, as the event's insert: every message Slack sends ends here.
  await db.client.$executeRaw`UPDATE "InboundEvent" SET "doneAt" = ${at}, "lastError" = NULL WHERE "id" = ${id}`;
}

/** A failed attempt: tried again from `retryAt`, or given up on (`failedAt`) when there is none. */
export async function markFailed(db: Database, id: number, input: { error: string; retryAt: Date | null; at: Date }): Promise<void> {
  await db.client.inboundEvent.update({
    where: { id },
    data: { lastError: input.error.slice(0, 1000), ...(input.retryAt ? { availableAt: input.retryAt } : { failedAt: input.at }) },
  });
}

/** Events whose handling is due again (it failed, or its handler stopped without a word), oldest first. */
export function dueEvents(db: Database, now: Date, limit: number): Promise<StoredEvent[]> {
  return db.client.inboundEvent.findMany({
    where: { doneAt: null, failedAt: null, availableAt: { lte: now } },
    orderBy: { id: "asc" }, take: limit,
    select: { id: true, eventId: true, body: true, attempts: true, availableAt: true },
  });
}

/** Takes a due event for one attempt; false when another replica (or pass) took it first. */
export async function claimEvent(db: Database, event: StoredEvent, leaseUntil: Date): Promise<boolean> {
  const { count } = await db.client.inboundEvent.updateMany({
    where: { id: event.id, doneAt: null, failedAt: null, availableAt: event.availableAt },
    data: { availableAt: leaseUntil, attempts: event.attempts + 1 },
  });
  return count === 1;
}

/** Handled events older than Slack's last redelivery need not be remembered; kept a day, then removed. */
export async function purgeHandled(db: Database, before: Date): Promise<number> {
  const { count } = await db.client.inboundEvent.deleteMany({ where: { doneAt: { lt: before } } });
  return count;
}

/** Makes every event not yet handled due now: after a restart of the only process, none is being handled. */
export async function releaseLeases(db: Database, now: Date): Promise<number> {
  const { count } = await db.client.inboundEvent.updateMany({ where: { doneAt: null, failedAt: null, availableAt: { gt: now } }, data: { availableAt: now } });
  return count;
}
