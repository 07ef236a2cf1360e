// Slack's events kept before they are answered (src/db/inbound-events.ts): a burst that arrives in one turn of the
// event loop is kept by one insert, each event keeps its own row and answer, a repeat is reported once as seen,
// and a database that refuses the insert fails every event of the burst (each is then answered 500 and delivered
// again), never some of them silently. Real SQLite files and the real PostgreSQL server.
import { afterEach, describe, expect, it } from "vitest";
import { takeEvent, type NewEvent } from "../../src/db/inbound-events.ts";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database.ts";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

const at = new Date("2026-12-03T01:00:00Z");
const event = (n: number, leaseUntil: Date | null = null): NewEvent => ({ eventId: `Ev-BURST-${n}`, kind: "message", body: JSON.stringify({ n }), at, leaseUntil });

/** Counts the INSERT statements the database client sends while `work` runs. */
async function inserts<T>(db: TestDatabase["db"], work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  let statements = 0;
  const client = db.client as unknown as { $queryRaw: (...args: unknown[]) => Promise<unknown> };
  const original = client.$queryRaw.bind(client);
  client.$queryRaw = (...args: unknown[]) => {
    if (JSON.stringify(args[0]).includes("INSERT INTO")) statements += 1;
    return original(...args);
  };
  try {
    return { result: await work(), statements };
  } finally {
    client.$queryRaw = original;
  }
}

/** A trigger that refuses every insert, as a full disk or a failing server would. */
async function refuseInserts(db: TestDatabase["db"], on: boolean): Promise<void> {
  const run = (sql: string) => db.client.$executeRawUnsafe(sql);
  if (TEST_PROVIDER === "sqlite") {
    await run(on ? `CREATE TRIGGER refuse_events BEFORE INSERT ON "InboundEvent" BEGIN SELECT RAISE(ABORT, 'refused'); END`
      : `DROP TRIGGER refuse_events`);
    return;
  }
  if (!on) {
    await run(`DROP TRIGGER refuse_events ON "InboundEvent"`);
    return;
  }
  await run(`CREATE OR REPLACE FUNCTION refuse_events() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql`);
  await run(`CREATE TRIGGER refuse_events BEFORE INSERT ON "InboundEvent" FOR EACH ROW EXECUTE FUNCTION refuse_events()`);
}

describe("keeping Slack's events", () => {
  it("keeps a burst of 32 events that arrived together with one insert, each with its own row", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const { result, statements } = await inserts(db, () => Promise.all(Array.from({ length: 32 }, (_, n) => takeEvent(db, event(n)))));
    expect(statements).toBe(1);
    expect(result.every((t) => t.kind === "new")).toBe(true);
    const ids = result.map((t) => (t.kind === "new" ? t.id : -1));
    expect(new Set(ids).size).toBe(32);
    const rows = await db.client.inboundEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, eventId: true, body: true } });
    // Each answer names the row of its own event.
    expect(rows.map((r) => [r.id, r.eventId, r.body])).toEqual(Array.from({ length: 32 }, (_, n) => [ids[n], `Ev-BURST-${n}`, JSON.stringify({ n })]).sort((a, b) => Number(a[0]) - Number(b[0])));
  });

  it("reports a repeat as seen, whether it comes in the same burst or later, and keeps it once", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [first, again] = await Promise.all([takeEvent(db, event(1)), takeEvent(db, event(1))]);
    expect(first?.kind).toBe("new");
    expect(again).toEqual({ kind: "seen", done: false });
    expect(await takeEvent(db, event(1))).toEqual({ kind: "seen", done: false });
    await db.client.inboundEvent.updateMany({ data: { doneAt: at } });
    const [late, fresh] = await Promise.all([takeEvent(db, event(1)), takeEvent(db, event(2))]);
    expect([late, fresh?.kind]).toEqual([{ kind: "seen", done: true }, "new"]);
    expect(await db.client.inboundEvent.count()).toBe(2);
  });

  it("keeps the lease of the one handling it, or leaves the event due for a worker", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const lease = new Date("2026-12-03T01:00:15Z");
    await Promise.all([takeEvent(db, event(1, lease)), takeEvent(db, event(2))]);
    const rows = await db.client.inboundEvent.findMany({ orderBy: { eventId: "asc" }, select: { availableAt: true, attempts: true } });
    expect(rows).toEqual([{ availableAt: lease, attempts: 1 }, { availableAt: new Date(0), attempts: 0 }]);
  });

  it("fails every event of a burst the database refuses, and keeps the next burst once it answers again", async () => {
    database = await createTestDatabase();
    const { db } = database;
    await refuseInserts(db, true);
    const refused = await Promise.allSettled([takeEvent(db, event(1)), takeEvent(db, event(2)), takeEvent(db, event(3))]);
    expect(refused.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(await db.client.inboundEvent.count()).toBe(0);
    await refuseInserts(db, false);
    const kept = await Promise.all([takeEvent(db, event(1)), takeEvent(db, event(2))]);
    expect(kept.map((t) => t.kind)).toEqual(["new", "new"]);
  });
});
