// A pass with nothing due must cost the same however many cases are stored: each of its case reads starts from
// an index range that holds only what is due. Most stored cases have ended and have their figures, so a read
// that walks ended cases (a filter the index does not serve, an order it does not give) returns the right rows
// while reading every one of them. On PostgreSQL the transaction's own statistics count the rows each read
// visited, so the test catches such a walk; on SQLite it checks the rows only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze, seedCases, seedCustomers } from "../../bench/seed.ts";
import type { Database, Tx } from "../../src/db/client.ts";
import { CASE_TIMERS, dueCases } from "../../src/db/cases/due.ts";
import { endedWithoutSlaFigures } from "../../src/db/cases/sla.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

const STORED = 20_000;
// Resolved cases in the seed (not among the 4% active), ended before their figures were kept.
const UNFIGURED = [10, 1_000, 10_000];
const asOf = new Date("2026-11-25T03:00:00Z");
/** Nothing is due then: the seed's active cases have every timer after asOf. */
const idle = new Date(asOf.getTime() - 2 * 86_400_000);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedCustomers(database.db, 10, asOf);
  await seedCases(database.db, { from: 1, to: STORED, due: 0, customers: 10, asOf });
  await database.db.client.case.updateMany({ where: { id: { in: UNFIGURED } }, data: { slaFiguredAt: null, slaBreached: null, slaFirstResponseHours: null, slaResolutionDays: null } });
  await analyze(database.db);
}, 120_000);
afterAll(async () => database.drop());

/** Rows of Case read by table scans or fetched through indexes by this connection and not yet reported to the server's totals. */
async function visitedSoFar(tx: Tx): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<Array<{ visited: number }>>(`SELECT COALESCE(SUM("seq_tup_read" + "idx_tup_fetch"), 0)::int AS "visited"
    FROM pg_stat_xact_user_tables WHERE "schemaname" = current_schema() AND "relname" = 'Case'`);
  return row!.visited;
}

/** Runs `read` in a transaction and returns what it gave and, on PostgreSQL, how many rows of Case it visited. */
async function measured<T>(db: Database, read: (tx: Tx) => Promise<T>): Promise<{ result: T; visited: number | null }> {
  return db.transaction(async (tx) => {
    // The counts can hold earlier work of the same connection: the read's own is the difference.
    const before = db.provider === "postgresql" ? await visitedSoFar(tx) : 0;
    const result = await read(tx);
    return { result, visited: db.provider === "postgresql" ? (await visitedSoFar(tx)) - before : null };
  });
}

describe("the case reads of a pass with nothing due", { timeout: 60_000 }, () => {
  it("find the ended cases without service-level figures, oldest first, reading only them", async () => {
    const { result, visited } = await measured(database.db, (tx) => endedWithoutSlaFigures(tx, 200));
    // The seed opens (and ends) later ids later.
    expect(result.map((c) => c.id)).toEqual(UNFIGURED);
    if (visited !== null) expect(visited).toBeLessThan(50);
  });

  it.each(CASE_TIMERS)("find no case due by %s, reading none of the stored ones", async (timer) => {
    const { result, visited } = await measured(database.db, (tx) => dueCases({ ...database.db, client: tx as unknown as Database["client"] }, timer, idle, null, 100));
    expect(result).toEqual([]);
    if (visited !== null) expect(visited).toBeLessThan(50);
  });
});
